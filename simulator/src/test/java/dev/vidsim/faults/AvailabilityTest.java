package dev.vidsim.faults;

import static dev.vidsim.faults.SimFixture.ALICE;
import static dev.vidsim.faults.SimFixture.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Catalog changes over time, revoked keys and running out of money: never charged. */
class AvailabilityTest {
  private final SimFixture sim = SimFixture.of(SimFixture.BASE
      .replace("    latency: { queued: 2s, render: 60s }\n  - id: per-second",
          "    latency: { queued: 2s, render: 60s }\n    removedAt: 30m\n    renamedTo: task-2\n"
          + "  - id: per-second")
      .replace("sk-bob, tier: free, region: eu-west, balance: \"10.00\"",
          "sk-bob, tier: free, region: eu-west, balance: \"0.60\""));

  @AfterEach
  void close() {
    sim.close();
  }

  private List<String> models() {
    return sim.as(ALICE).get("/v1/models").then().extract().path("data.id");
  }

  @Test
  void a_renamed_model_disappears_at_its_time_and_then_fails_with_model_not_found() {
    assertThat(models()).containsExactly("task-1", "per-second");
    sim.as(ALICE).get("/v1/models").then()
        .body("data[0].removedAt", equalTo("2026-01-01T00:30:00Z"))
        .body("data[0].renamedTo", equalTo("task-2"));
    sim.as(ALICE).body(create("task-2")).post("/v1/videos").then().statusCode(404);
    sim.advance("30m");
    assertThat(models()).containsExactly("per-second", "task-2");
    sim.as(ALICE).body(create("task-1")).post("/v1/videos").then().statusCode(404)
        .body("error.code", equalTo("model_not_found"))
        .body("error.message", containsString("renamed to 'task-2'"));
    assertThat(sim.balance(ALICE)).isEqualTo("10.00");
    sim.as(ALICE).body(create("task-2")).post("/v1/videos").then().statusCode(201)
        .body("quote.total", equalTo("0.50"));
  }

  @Test
  void a_job_created_before_the_removal_still_finishes() {
    String id = sim.as(ALICE).body(create("task-1")).post("/v1/videos").then().extract().path("id");
    sim.advance("1h");
    sim.as(ALICE).get("/v1/videos/" + id).then().statusCode(200)
        .body("status", equalTo("succeeded"));
  }

  @Test
  void a_model_removed_at_run_time_is_gone_after_the_delay_and_costs_nothing() {
    sim.admin().body("{\"after\":\"5m\",\"renamedTo\":\"per-second-v2\"}")
        .post("/_sim/models/per-second/remove").then().statusCode(200)
        .body("removedAt", equalTo("2026-01-01T00:05:00Z"));
    sim.as(ALICE).body(create("per-second")).post("/v1/videos").then().statusCode(201);
    sim.advance("5m");
    sim.as(ALICE).body(create("per-second")).post("/v1/videos").then().statusCode(404)
        .body("error.message", containsString("renamed to 'per-second-v2'"));
    assertThat(models()).contains("per-second-v2").doesNotContain("per-second");
    sim.admin().post("/_sim/models/per-second/remove").then().statusCode(400)
        .body("error.message", containsString("already removed"));
    sim.admin().post("/_sim/models/nope/remove").then().statusCode(400);
  }

  @Test
  void a_revoked_key_gets_401_from_the_moment_of_revocation() {
    sim.addFault("{\"when\":{\"tenant\":\"sk-alice\",\"from\":\"5m\"},\"do\":{\"status\":401}}");
    sim.as(ALICE).get("/v1/account/balance").then().statusCode(200);
    sim.advance("5m");
    sim.as(ALICE).body(create("task-1")).post("/v1/videos").then().statusCode(401)
        .body("error.message", containsString("revoked"));
    assertThat(sim.balance(ALICE)).isEqualTo("10.00");
  }

  @Test
  void running_out_of_balance_mid_run_gives_402_and_writes_nothing() {
    sim.as(SimFixture.BOB).body(create("task-1")).post("/v1/videos").then().statusCode(201);
    sim.as(SimFixture.BOB).body(create("task-1")).post("/v1/videos").then().statusCode(402)
        .body("error.code", equalTo("insufficient_balance"));
    assertThat(sim.balance(SimFixture.BOB)).isEqualTo("0.10");
    assertThat(sim.ledgerLines(SimFixture.BOB)).isEqualTo(2);
  }
}
