package dev.vidsim.faults;

import static dev.vidsim.faults.SimFixture.ALICE;
import static dev.vidsim.faults.SimFixture.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Job outcome faults: the job ends as told and is settled by the model's failure policy. */
class OutcomeFaultTest {
  private final SimFixture sim = new SimFixture();

  @AfterEach
  void close() {
    sim.close();
  }

  private String createFaulted(String model, String effect) {
    sim.addFault("{\"when\":{\"model\":\"" + model + "\",\"times\":1},\"do\":" + effect + "}");
    return sim.as(ALICE).body(create(model)).post("/v1/videos").then().statusCode(201)
        .extract().path("id");
  }

  private io.restassured.response.ValidatableResponse job(String id) {
    return sim.admin().get("/_sim/jobs?tenant=" + ALICE).then().rootPath(
        "data.find { it.id == '" + id + "' }");
  }

  @Test
  void a_stuck_job_never_leaves_in_progress_until_cancelled() {
    String id = createFaulted("task-1", "{\"outcome\":\"stuck\"}");
    sim.advance("24h");
    job(id).body("status", equalTo("in_progress"));
    sim.as(ALICE).post("/v1/videos/" + id + "/cancel").then().statusCode(200)
        .body("status", equalTo("cancelled"));
  }

  @Test
  void a_provider_timeout_fails_after_the_delay_and_keeps_the_charge_per_policy() {
    String id = createFaulted("task-1", "{\"outcome\":\"timeout\",\"after\":\"10m\"}");
    sim.advance("9m");
    job(id).body("status", equalTo("in_progress"));
    sim.advance("1m");
    job(id).body("status", equalTo("timed_out")).body("charged", equalTo("0.50"))
        .body("error.message", equalTo("the provider timed out after 10m"));
    assertThat(sim.balance(ALICE)).isEqualTo("9.50");
  }

  @Test
  void a_timeout_on_a_delivery_billed_model_releases_the_hold() {
    String id = createFaulted("per-second", "{\"outcome\":\"timeout\"}");
    sim.advance("10m");
    job(id).body("status", equalTo("timed_out")).body("charged", equalTo("0.00"));
    assertThat(sim.balance(ALICE)).isEqualTo("10.00");
  }

  @Test
  void a_content_filter_failure_is_settled_by_the_content_filter_policy() {
    String id = createFaulted("task-1", "{\"outcome\":\"contentFilter\"}");
    sim.advance("2m");
    job(id).body("status", equalTo("failed")).body("error.code", equalTo("contentFilter"))
        .body("charged", equalTo("0.50"));
  }

  @Test
  void a_provider_error_is_refunded_per_policy() {
    String id = createFaulted("task-1", "{\"outcome\":\"error\"}");
    sim.advance("2m");
    job(id).body("status", equalTo("failed")).body("error.code", equalTo("error"))
        .body("charged", equalTo("0.00"));
    assertThat(sim.balance(ALICE)).isEqualTo("10.00");
  }

  @Test
  void a_partial_render_fails_part_way_with_its_progress() {
    String id = createFaulted("per-second", "{\"outcome\":\"partial\",\"deliveredSeconds\":2}");
    sim.advance("16s");
    job(id).body("status", equalTo("in_progress"));
    sim.advance("1s");
    job(id).body("status", equalTo("failed")).body("progress", equalTo(25))
        .body("error.message", equalTo("rendering failed after 2 of 8 seconds"));
  }

  @Test
  void only_the_matching_create_is_faulted() {
    createFaulted("task-1", "{\"outcome\":\"error\"}");
    String ok = sim.as(ALICE).body(create("task-1")).post("/v1/videos").then().extract().path("id");
    sim.advance("2m");
    job(ok).body("status", equalTo("succeeded"));
  }
}
