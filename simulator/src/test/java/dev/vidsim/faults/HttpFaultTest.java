package dev.vidsim.faults;

import static dev.vidsim.faults.SimFixture.ALICE;
import static dev.vidsim.faults.SimFixture.BOB;
import static dev.vidsim.faults.SimFixture.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every fault that answers at the HTTP level, each checked for "never charged". */
class HttpFaultTest {
  private final SimFixture sim = new SimFixture();

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void status_429_carries_retry_after_seconds_and_charges_nothing() {
    sim.addFault("{\"when\":{\"endpoint\":\"create\"},"
        + "\"do\":{\"status\":429,\"retryAfter\":\"30s\"}}");
    sim.as(ALICE).body(create("task-1")).post("/v1/videos").then().statusCode(429)
        .header("Retry-After", "30").body("error.code", equalTo("rate_limited"));
    assertThat(sim.balance(ALICE)).isEqualTo("10.00");
    assertThat(sim.ledgerLines(ALICE)).isEqualTo(1);
  }

  @Test
  void retry_after_date_form_is_an_http_date_on_the_simulated_clock() {
    sim.advance("1h");
    sim.addFault("{\"when\":{\"endpoint\":\"create\"},"
        + "\"do\":{\"status\":429,\"retryAfterDate\":\"30s\"}}");
    sim.as(ALICE).body(create("task-1")).post("/v1/videos").then().statusCode(429)
        .header("Retry-After", "Thu, 01 Jan 2026 01:00:30 GMT");
  }

  @ParameterizedTest
  @CsvSource({"500,internal", "502,bad_gateway", "503,region_unavailable", "401,unauthorized"})
  void injected_error_statuses_use_the_error_envelope_and_charge_nothing(int status, String code) {
    sim.addFault("{\"when\":{\"endpoint\":\"create\"},\"do\":{\"status\":" + status + "}}");
    sim.as(ALICE).body(create("task-1")).post("/v1/videos").then().statusCode(status)
        .body("error.code", equalTo(code)).body("error.details.fault", equalTo("flt_1"));
    assertThat(sim.balance(ALICE)).isEqualTo("10.00");
    sim.as(ALICE).get("/v1/videos").then().body("data.size()", equalTo(0));
  }

  @Test
  void region_outage_window_answers_503_only_in_that_region_and_window() {
    sim.addFault("{\"when\":{\"region\":\"us-east\",\"from\":\"10m\",\"until\":\"20m\"},"
        + "\"do\":{\"status\":503}}");
    sim.as(ALICE).body(create("task-1")).post("/v1/videos").then().statusCode(201);
    sim.advance("10m");
    sim.as(ALICE).body(create("task-1")).post("/v1/videos").then().statusCode(503)
        .body("error.message", equalTo("region us-east is temporarily unavailable; retry later"
            + " or use another region"));
    sim.as(BOB).body(create("task-1")).post("/v1/videos").then().statusCode(201);
    sim.advance("10m");
    sim.as(ALICE).body(create("task-1")).post("/v1/videos").then().statusCode(201);
    assertThat(sim.balance(ALICE)).isEqualTo("9.00");
  }

  @Test
  void latency_is_recorded_without_blocking_on_the_virtual_clock() {
    sim.addFault("{\"when\":{\"endpoint\":\"models\"},\"do\":{\"latency\":\"2m\"}}");
    long started = System.nanoTime();
    sim.as(ALICE).get("/v1/models").then().statusCode(200).header("X-Vidsim-Latency-Ms", "120000");
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(60_000);
    assertThat(sim.admin().get("/_sim/journal").asString()).contains("\"latency\":\"2m\"");
  }

  @Test
  void dropped_connection_gets_no_response_and_executes_nothing() {
    sim.addFault("{\"when\":{\"endpoint\":\"create\",\"nth\":1},\"do\":{\"drop\":true}}");
    assertThatThrownBy(() -> sim.as(ALICE).body(create("task-1")).post("/v1/videos"))
        .isInstanceOf(Exception.class);
    sim.as(ALICE).get("/v1/videos").then().body("data.size()", equalTo(0));
    assertThat(sim.balance(ALICE)).isEqualTo("10.00");
  }

  @Test
  void lost_response_charges_the_create_and_the_job_is_findable_by_its_key() {
    sim.addFault("{\"when\":{\"nth\":1},\"do\":{\"lostResponse\":true}}");
    sim.as(ALICE).header("Idempotency-Key", "gen-1").body(create("task-1")).post("/v1/videos")
        .then().statusCode(500).body("error.code", equalTo("internal"));
    assertThat(sim.balance(ALICE)).isEqualTo("9.50");
    sim.as(ALICE).get("/v1/videos?idempotency_key=gen-1").then()
        .body("data.size()", equalTo(1)).body("data[0].charged", equalTo("0.50"));
    Response retry = sim.as(ALICE).header("Idempotency-Key", "gen-1").body(create("task-1"))
        .post("/v1/videos");
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(sim.balance(ALICE)).isEqualTo("9.50");
    assertThat(sim.admin().get("/_sim/journal").asString())
        .contains("\"kind\":\"response_lost\",\"path\":\"/v1/videos\",\"rule\":\"flt_1\"");
  }

  @Test
  void lost_response_with_drop_closes_the_connection_after_charging() {
    sim.addFault("{\"when\":{\"endpoint\":\"create\"},"
        + "\"do\":{\"lostResponse\":true,\"drop\":true}}");
    assertThatThrownBy(() -> sim.as(ALICE).body(create("task-1")).post("/v1/videos"))
        .isInstanceOf(Exception.class);
    sim.as(ALICE).get("/v1/videos").then().body("data.size()", equalTo(1))
        .body("data[0].idempotencyKey", nullValue());
    assertThat(sim.balance(ALICE)).isEqualTo("9.50");
  }

  @Test
  void nth_and_times_pick_which_matching_requests_fail() {
    sim.addFault("{\"when\":{\"endpoint\":\"balance\",\"nth\":2,\"times\":2},"
        + "\"do\":{\"status\":500}}");
    int[] codes = new int[5];
    for (int i = 0; i < 5; i++) codes[i] = sim.as(ALICE).get("/v1/account/balance").statusCode();
    assertThat(codes).containsExactly(200, 500, 500, 200, 200);
  }

  @Test
  void tenant_and_model_narrow_a_rule() {
    sim.addFault("{\"when\":{\"tenant\":\"sk-bob\",\"model\":\"per-second\"},"
        + "\"do\":{\"status\":500}}");
    sim.as(ALICE).body(create("per-second")).post("/v1/videos").then().statusCode(201);
    sim.as(BOB).body(create("task-1")).post("/v1/videos").then().statusCode(201);
    sim.as(BOB).body(create("per-second")).post("/v1/videos").then().statusCode(500);
  }

  @Test
  void probability_is_seeded_so_the_same_seed_fails_the_same_requests() {
    String first = pattern();
    String second = pattern();
    assertThat(first).isEqualTo(second).contains("500").contains("200");
  }

  private String pattern() {
    try (SimFixture s = new SimFixture()) {
      s.addFault("{\"when\":{\"endpoint\":\"balance\",\"probability\":0.5},"
          + "\"do\":{\"status\":500}}");
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 20; i++) {
        sb.append(s.as(ALICE).get("/v1/account/balance").statusCode()).append(' ');
      }
      return sb.toString();
    }
  }
}
