package dev.vidsim.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.faults.SimFixture;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code idempotency: ignored} is the engine's, so every dialect shows it alike: the same key
 * twice is two jobs and two charges; the same key on an honouring model is one.
 */
class IgnoredIdempotencyDialectsTest {
  static final String SCENARIO = """
      schemaVersion: 1
      name: keys
      accounts:
        - { apiKey: sk-a, region: us-east, balance: "10.00" }
      models:
        - id: acme/kept
          modes: [text-to-video]
          regions: [us-east]
          maxSeconds: 8
          defaultSeconds: 8
          pricing: { unit: task, price: "0.50" }
        - id: acme/loose
          modes: [text-to-video]
          regions: [us-east]
          maxSeconds: 8
          defaultSeconds: 8
          idempotency: ignored
          pricing: { unit: task, price: "0.50" }
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "vidsim|/v1/videos|Bearer sk-a|{\"model\":\"acme/MODEL\",\"prompt\":\"a\"}|id",
      "openai|/openai/v1/videos|Bearer sk-a|"
          + "{\"model\":\"acme/MODEL\",\"prompt\":\"a\",\"seconds\":\"8\"}|id",
      "replicate|/replicate/v1/models/acme/MODEL/predictions|Bearer sk-a|"
          + "{\"input\":{\"prompt\":\"a\"}}|id",
      "fal|/fal/queue/acme/MODEL|Key sk-a|{\"prompt\":\"a\"}|request_id"})
  void the_same_key_twice_is_one_job_when_honoured_and_two_when_ignored(String dialect,
      String path, String auth, String body, String idField) {
    try (SimFixture sim = SimFixture.of(SCENARIO)) {
      RequestSpecification as = RestAssured.given().baseUri(sim.server.baseUrl())
          .header("Authorization", auth).header("Idempotency-Key", "gen-1")
          .contentType("application/json");
      String kept1 = create(as, path, body, "kept", idField);
      String kept2 = create(as, path, body, "kept", idField);
      String loose1 = create(as, path, body, "loose", idField);
      String loose2 = create(as, path, body, "loose", idField);
      assertThat(kept2).as(dialect).isEqualTo(kept1);
      assertThat(loose2).as(dialect).isNotEqualTo(loose1);
      assertThat(sim.balance("sk-a")).isEqualTo("8.50"); // three paid tasks, not four
    }
  }

  private static String create(RequestSpecification as, String path, String body, String model,
                               String idField) {
    return as.body(body.replace("MODEL", model)).post(path.replace("MODEL", model)).then()
        .statusCode(org.hamcrest.Matchers.lessThan(300)).extract().path(idField);
  }
}
