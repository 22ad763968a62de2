package dev.vidsim.jobs;

import static dev.vidsim.faults.SimFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.vidsim.faults.SimFixture;
import org.junit.jupiter.api.Test;

/** The job store's bound as a client and an operator see it: 503, health, the --max-jobs hint. */
class FullStoreTest {
  @Test
  void a_full_store_refuses_creates_without_touching_the_ledger_and_frees_as_jobs_finish() {
    try (SimFixture sim = new SimFixture("jobs: { maxEntries: 2 }\n")) {
      String first = sim.as(ALICE).body(SimFixture.create("task-1")).post("/v1/videos").then()
          .statusCode(201).extract().path("id");
      sim.as(ALICE).body(SimFixture.create("task-1")).post("/v1/videos").then().statusCode(201);
      int lines = sim.ledgerLines(ALICE);
      String balance = sim.balance(ALICE);
      sim.as(ALICE).body(SimFixture.create("task-1")).post("/v1/videos").then().statusCode(503)
          .body("error.code", equalTo("simulator_full"))
          .body("error.message", containsString("2 unfinished jobs"))
          .body("error.message", containsString("--max-jobs"));
      assertThat(sim.ledgerLines(ALICE)).isEqualTo(lines);
      assertThat(sim.balance(ALICE)).isEqualTo(balance);
      sim.admin().get("/_sim/health").then().statusCode(200)
          .body("bounds.jobs.held", equalTo(2)).body("bounds.jobs.unfinished", equalTo(2))
          .body("bounds.jobs.max", equalTo(2)).body("bounds.jobs.forgotten", equalTo(0));

      sim.advance("5m"); // both finish: the next create forgets the first to have finished
      sim.as(ALICE).body(SimFixture.create("task-1")).post("/v1/videos").then().statusCode(201);
      sim.as(ALICE).get("/v1/videos/" + first).then().statusCode(404);
      sim.admin().get("/_sim/health").then()
          .body("bounds.jobs.held", equalTo(2)).body("bounds.jobs.unfinished", equalTo(1))
          .body("bounds.jobs.forgotten", equalTo(1))
          .body("bounds.journal.max", equalTo(100_000));
    }
  }

  @Test
  void a_503_after_validation_is_replayed_for_its_key_even_once_the_store_has_room() {
    // the README: the same key and body replay the first response, a 503 after validation too
    try (SimFixture sim = new SimFixture("jobs: { maxEntries: 1 }\n")) {
      sim.as(ALICE).body(SimFixture.create("task-1")).post("/v1/videos").then().statusCode(201);
      sim.as(ALICE).header("Idempotency-Key", "k2").body(SimFixture.create("task-1"))
          .post("/v1/videos").then().statusCode(503).body("error.code", equalTo("simulator_full"));
      sim.advance("5m"); // the job finishes: a fresh create would now fit
      int lines = sim.ledgerLines(ALICE);
      sim.as(ALICE).header("Idempotency-Key", "k2").body(SimFixture.create("task-1"))
          .post("/v1/videos").then().statusCode(503).body("error.code", equalTo("simulator_full"));
      assertThat(sim.ledgerLines(ALICE)).isEqualTo(lines);
      assertThat(sim.admin().get("/_sim/journal").asString())
          .contains("\"kind\":\"idempotent_replay\"");
      sim.as(ALICE).header("Idempotency-Key", "k3").body(SimFixture.create("task-1"))
          .post("/v1/videos").then().statusCode(201);
    }
  }

  @Test
  void an_idempotent_replay_is_answered_even_when_the_store_is_full() {
    try (SimFixture sim = new SimFixture("jobs: { maxEntries: 1 }\n")) {
      String id = sim.as(ALICE).header("Idempotency-Key", "k1").body(SimFixture.create("task-1"))
          .post("/v1/videos").then().statusCode(201).extract().path("id");
      sim.as(ALICE).header("Idempotency-Key", "k1").body(SimFixture.create("task-1"))
          .post("/v1/videos").then().statusCode(201).body("id", equalTo(id));
      sim.as(ALICE).header("Idempotency-Key", "k2").body(SimFixture.create("task-1"))
          .post("/v1/videos").then().statusCode(503);
    }
  }
}
