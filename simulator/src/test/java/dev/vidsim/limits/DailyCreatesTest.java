package dev.vidsim.limits;

import static dev.vidsim.faults.SimFixture.ALICE;
import static dev.vidsim.faults.SimFixture.BOB;
import static dev.vidsim.faults.SimFixture.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.vidsim.faults.SimFixture;
import dev.vidsim.jobs.TenantJobs;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code limits.createsPerDay}: a daily create cap per tenant on the simulated UTC day. */
class DailyCreatesTest {
  private final SimFixture sim = SimFixture.of(SimFixture.BASE.replace(
      "sk-bob, tier: free, region: eu-west, balance: \"10.00\" }",
      "sk-bob, tier: free, region: eu-west, balance: \"10.00\", limits: { createsPerDay: 5 } }")
      + "limits: { createsPerDay: 2 }\n");

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void the_create_over_the_daily_cap_is_a_429_until_midnight_and_never_charged() {
    sim.as(ALICE).body(create("task-1")).post("/v1/videos").then().statusCode(201);
    sim.as(ALICE).body(create("task-1")).post("/v1/videos").then().statusCode(201);
    Instant now = sim.sim.call(e -> e.clock().instant());
    long untilMidnight = Duration.between(now, DailyCreates.nextDay(now)).toSeconds();
    sim.as(ALICE).body(create("task-1")).post("/v1/videos").then().statusCode(429)
        .header("Retry-After", String.valueOf(untilMidnight))
        .body("error.details.limit", equalTo("createsPerDay"));
    assertThat(sim.balance(ALICE)).isEqualTo("9.00");
    String journal = sim.sim.call(e -> e.journal().toJsonl());
    assertThat(journal).contains("\"limit\":\"createsPerDay\"");
    sim.advance(untilMidnight + "s");
    sim.as(ALICE).body(create("task-1")).post("/v1/videos").then().statusCode(201);
  }

  @Test
  void gets_and_other_tenants_are_not_capped_and_an_account_may_have_its_own_cap() {
    sim.as(ALICE).body(create("task-1")).post("/v1/videos").then().statusCode(201);
    sim.as(ALICE).body(create("task-1")).post("/v1/videos").then().statusCode(201);
    sim.as(ALICE).get("/v1/models").then().statusCode(200);
    for (int i = 0; i < 3; i++) {
      sim.as(BOB).body(create("task-1")).post("/v1/videos").then().statusCode(201);
    }
    java.util.Map<String, Integer> today = sim.sim.call(e -> e.createsToday(BOB));
    assertThat(today).containsEntry("task-1", 3);
    Integer cap = sim.sim.call(e -> e.limits(BOB).createsPerDay());
    assertThat(cap).isEqualTo(5);
  }

  @Test
  void the_day_boundary_is_midnight_utc() {
    Instant at = Instant.parse("2026-12-07T23:59:59.500Z");
    assertThat(TenantJobs.dayStart(at)).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
    assertThat(DailyCreates.nextDay(at)).isEqualTo(Instant.parse("2026-12-08T00:00:00Z"));
  }
}
