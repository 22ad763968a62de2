package dev.vidsim.limits;

import static dev.vidsim.faults.SimFixture.ALICE;
import static dev.vidsim.faults.SimFixture.BOB;
import static dev.vidsim.faults.SimFixture.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.vidsim.faults.SimFixture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rate limits answer 429 with Retry-After and X-RateLimit-* headers, and never charge. */
class RateLimitHttpTest {
  private final SimFixture sim = SimFixture.of((SimFixture.BASE + """
      limits: { requestsPerMinute: 3, concurrentJobs: 1, pollsPerJobPerMinute: 2 }
      """).replace("sk-bob, tier: free, region: eu-west, balance: \"10.00\" }",
      "sk-bob, tier: free, region: eu-west, balance: \"10.00\","
          + " limits: { requestsPerMinute: 60 } }"));

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void every_response_carries_limit_remaining_and_reset() {
    sim.as(ALICE).get("/v1/models").then().statusCode(200).header("X-RateLimit-Limit", "3")
        .header("X-RateLimit-Remaining", "2").header("X-RateLimit-Reset", "20");
    sim.as(ALICE).get("/v1/models").then().header("X-RateLimit-Remaining", "1")
        .header("X-RateLimit-Reset", "40");
  }

  @Test
  void the_request_bucket_answers_429_with_retry_after_until_a_token_refills() {
    for (int i = 0; i < 3; i++) sim.as(ALICE).get("/v1/models").then().statusCode(200);
    sim.as(ALICE).get("/v1/models").then().statusCode(429).header("Retry-After", "20")
        .header("X-RateLimit-Remaining", "0").header("X-RateLimit-Reset", "60")
        .body("error.code", equalTo("rate_limited"))
        .body("error.details.limit", equalTo("requests"));
    sim.advance("19s");
    sim.as(ALICE).get("/v1/models").then().statusCode(429).header("Retry-After", "1");
    sim.advance("1s");
    sim.as(ALICE).get("/v1/models").then().statusCode(200);
  }

  @Test
  void a_rate_limited_create_is_never_charged() {
    for (int i = 0; i < 3; i++) sim.as(ALICE).get("/v1/account/balance").then().statusCode(200);
    sim.as(ALICE).header("Idempotency-Key", "k1").body(create("task-1")).post("/v1/videos")
        .then().statusCode(429);
    assertThat(sim.ledgerLines(ALICE)).isEqualTo(1);
    sim.advance("20s");
    sim.as(ALICE).header("Idempotency-Key", "k1").body(create("task-1")).post("/v1/videos")
        .then().statusCode(201);
    assertThat(sim.balance(ALICE)).isEqualTo("9.50");
  }

  @Test
  void the_concurrent_job_limit_holds_creates_until_a_job_finishes() {
    sim.as(BOB).body(create("task-1")).post("/v1/videos").then().statusCode(201);
    sim.advance("12s");
    sim.as(BOB).body(create("task-1")).post("/v1/videos").then().statusCode(429)
        .header("Retry-After", "50").header("X-RateLimit-Limit", "1")
        .header("X-RateLimit-Remaining", "0").header("X-RateLimit-Reset", "50")
        .body("error.details.limit", equalTo("concurrentJobs"));
    assertThat(sim.balance(BOB)).isEqualTo("9.50");
    sim.advance("50s");
    sim.as(BOB).body(create("task-1")).post("/v1/videos").then().statusCode(201);
  }

  @Test
  void racing_creates_never_pass_the_concurrent_job_limit_together() throws Exception {
    // real time between admission and execution: 2 s of latency at x20 is 100 ms per create
    sim.admin().body("{\"mode\":\"accelerated\",\"factor\":20}").post("/_sim/clock")
        .then().statusCode(200);
    sim.addFault("{\"when\":{\"endpoint\":\"create\"},\"do\":{\"latency\":\"2s\"}}");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Integer>> codes = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        codes.add(pool.submit(() -> sim.as(BOB).body(create("task-1")).post("/v1/videos")
            .statusCode()));
      }
      int created = 0;
      for (var c : codes) created += c.get() == 201 ? 1 : 0;
      assertThat(created).isEqualTo(1);
      assertThat(sim.balance(BOB)).isEqualTo("9.50");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void per_job_poll_limit_stops_poll_fees_at_the_limit() {
    String id = sim.as(BOB).body(create("per-second")).post("/v1/videos").then().statusCode(201)
        .extract().path("id");
    sim.as(BOB).get("/v1/videos/" + id).then().statusCode(200);
    sim.as(BOB).get("/v1/videos/" + id).then().statusCode(200);
    sim.as(BOB).get("/v1/videos/" + id).then().statusCode(429).header("Retry-After", "30")
        .header("X-RateLimit-Limit", "2").header("X-RateLimit-Remaining", "0")
        .header("X-RateLimit-Reset", "60").body("error.details.limit", equalTo("polls"));
    sim.as(BOB).get("/v1/account/usage").then().body("pollFees", equalTo("0.02"));
  }

  @Test
  void tenants_created_at_run_time_can_carry_their_own_limits() {
    String key = sim.admin().body("{\"balance\":\"1.00\",\"limits\":{\"requestsPerMinute\":1}}")
        .post("/_sim/tenants").then().statusCode(201).extract().path("apiKey");
    sim.as(key).get("/v1/models").then().statusCode(200).header("X-RateLimit-Limit", "1");
    sim.as(key).get("/v1/models").then().statusCode(429).header("Retry-After", "60");
  }
}
