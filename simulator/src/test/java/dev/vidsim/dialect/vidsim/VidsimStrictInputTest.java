package dev.vidsim.dialect.vidsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.vidsim.faults.SimFixture;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * vidsim's own /v1 API is as strict as a real provider: Bearer auth only, and seconds as an
 * integer. A sloppy client fails here, with the field or scheme named, and pays nothing.
 */
class VidsimStrictInputTest {
  private final SimFixture fx = new SimFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  private int ledgerLines() {
    return fx.sim.call(e -> e.ledger().all().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sk-alice", "Basic c2stYWxpY2U6", "Bearer", "Token sk-alice"})
  void a_key_without_the_bearer_scheme_is_a_401_naming_the_scheme(String header) {
    int before = ledgerLines();
    RestAssured.given().baseUri(fx.server.baseUrl()).header("Authorization", header)
        .contentType("application/json").body(SimFixture.create("task-1")).post("/v1/videos")
        .then().statusCode(401).body("error.code", equalTo("unauthorized"))
        .body("error.message", containsString("'Authorization: Bearer <key>'"))
        .body("error.details.expectedScheme", equalTo("Bearer"));
    assertThat(ledgerLines()).isEqualTo(before);
  }

  @Test
  void the_bearer_scheme_is_case_insensitive_as_http_says() {
    RestAssured.given().baseUri(fx.server.baseUrl()).header("Authorization", "bearer sk-alice")
        .get("/v1/account/balance").then().statusCode(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"6\"", "6.5", "-6", "1e400", "true", "[6]", "{}"})
  void seconds_other_than_an_integer_is_a_400_naming_seconds(String seconds) {
    int before = ledgerLines();
    fx.as(SimFixture.ALICE).body("{\"model\":\"task-1\",\"prompt\":\"a cat\",\"seconds\":"
        + seconds + "}").post("/v1/videos").then().statusCode(400)
        .body("error.code", equalTo("invalid_request"))
        .body("error.details.field", equalTo("seconds"))
        .body("error.message", containsString("an integer"));
    assertThat(ledgerLines()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"6", "6.0"})
  void integer_seconds_are_accepted(String seconds) {
    fx.as(SimFixture.ALICE).body("{\"model\":\"task-1\",\"prompt\":\"a cat\",\"seconds\":"
        + seconds + "}").post("/v1/videos").then().statusCode(201)
        .body("seconds", equalTo(6));
  }
}
