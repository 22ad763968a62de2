package dev.vidsim.faults;

import static dev.vidsim.faults.SimFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fault rules answering 3xx with a Location and extra headers, the same in every dialect. */
class RedirectFaultTest {
  private final SimFixture sim = new SimFixture();

  @AfterEach
  void close() {
    sim.close();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "vidsim|/v1/videos|Authorization|Bearer sk-alice|{\"model\":\"task-1\",\"prompt\":\"a\"}",
      "openai|/openai/v1/videos|Authorization|Bearer sk-alice|"
          + "{\"model\":\"task-1\",\"prompt\":\"a\",\"seconds\":\"8\"}",
      "gemini|/gemini/v1beta/models/task-1:predictLongRunning|x-goog-api-key|sk-alice|"
          + "{\"instances\":[{\"prompt\":\"a\"}]}",
      "vertex|/vertex/v1beta1/publishers/google/models/task-1:predictLongRunning|x-goog-api-key|"
          + "sk-alice|{\"instances\":[{\"prompt\":\"a\"}]}",
      "replicate|/replicate/v1/models/acme/clip/predictions|Authorization|Bearer sk-alice|"
          + "{\"input\":{\"prompt\":\"a\"}}",
      "fal|/fal/queue/acme/clip|Authorization|Key sk-alice|{\"prompt\":\"a\"}"})
  void a_redirect_fault_answers_its_status_location_and_headers_and_charges_nothing(
      String dialect, String path, String authHeader, String auth, String body) {
    sim.addFault("{\"when\":{\"endpoint\":\"create\"},\"do\":{\"status\":307,"
        + "\"location\":\"https://eu.api.example.test" + path + "\","
        + "\"headers\":{\"X-Moved-Region\":\"eu-west\"}}}");
    Response r = RestAssured.given().baseUri(sim.server.baseUrl()).redirects().follow(false)
        .header(authHeader, auth).contentType("application/json").body(body).post(path);
    assertThat(r.statusCode()).as(dialect).isEqualTo(307);
    assertThat(r.header("Location")).isEqualTo("https://eu.api.example.test" + path);
    assertThat(r.header("X-Moved-Region")).isEqualTo("eu-west");
    assertThat(r.asString()).isEmpty();
    assertThat(sim.balance(ALICE)).isEqualTo("10.00");
    assertThat(sim.ledgerLines(ALICE)).isEqualTo(1);
    assertThat(sim.admin().get("/_sim/jobs").then().extract().<Integer>path("data.size()"))
        .isZero();
    assertThat(sim.admin().get("/_sim/journal").asString())
        .contains("\"kind\":\"redirect\"", "\"status\":307");
  }

  @Test
  void a_permanent_redirect_on_polls_leaves_creates_alone() {
    sim.addFault("{\"when\":{\"endpoint\":\"get\"},\"do\":{\"status\":301,"
        + "\"location\":\"/v2/videos/moved\"}}");
    String id = sim.as(ALICE).body(SimFixture.create("task-1")).post("/v1/videos").then()
        .statusCode(201).extract().path("id");
    Response poll = sim.as(ALICE).redirects().follow(false).get("/v1/videos/" + id);
    assertThat(poll.statusCode()).isEqualTo(301);
    assertThat(poll.header("Location")).isEqualTo("/v2/videos/moved");
  }

  @Test
  void error_answers_carry_the_listed_headers_too() {
    sim.addFault("{\"when\":{\"endpoint\":\"create\"},\"do\":{\"status\":503,"
        + "\"headers\":{\"Retry-After\":\"120\",\"X-Outage\":\"planned\"}}}");
    Response r = sim.as(ALICE).body(SimFixture.create("task-1")).post("/v1/videos");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.header("Retry-After")).isEqualTo("120");
    assertThat(r.header("X-Outage")).isEqualTo("planned");
    assertThat(r.jsonPath().getString("error.code")).isEqualTo("region_unavailable");
  }

  @Test
  void malformed_redirect_rules_name_the_field() {
    assertThatThrownBy(() -> parse("{\"do\":{\"status\":302}}"))
        .hasMessageContaining("a redirect (status 302) needs location");
    assertThatThrownBy(() -> parse("{\"do\":{\"status\":500,\"location\":\"/x\"}}"))
        .hasMessageContaining("location goes with a redirect status 300..399");
    assertThatThrownBy(() -> parse("{\"do\":{\"status\":301,\"location\":\"/x\","
        + "\"lostResponse\":true}}")).hasMessageContaining("a lost response answers an error");
    assertThatThrownBy(() -> parse("{\"do\":{\"status\":301,\"location\":\"/x\","
        + "\"headers\":{\"Location\":\"/y\"}}}")).hasMessageContaining("do.location");
    assertThatThrownBy(() -> parse("{\"do\":{\"status\":500,"
        + "\"headers\":{\"Content-Length\":\"0\"}}}")).hasMessageContaining("sets Content-Length");
    assertThatThrownBy(() -> parse("{\"do\":{\"status\":500,\"headers\":{\"a b\":\"0\"}}}"))
        .hasMessageContaining("expected a header name");
    assertThatThrownBy(() -> parse("{\"do\":{\"latency\":\"1s\",\"headers\":{\"X\":\"0\"}}}"))
        .hasMessageContaining("headers go with a status answer");
    assertThatThrownBy(() -> parse("{\"do\":{\"status\":299}}"))
        .hasMessageContaining("or a redirect 300..399");
  }

  private static FaultRule parse(String json) throws Exception {
    return FaultParser.parse("t", new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
  }
}
