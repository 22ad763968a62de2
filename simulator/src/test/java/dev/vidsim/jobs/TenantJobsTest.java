package dev.vidsim.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.faults.SimFixture;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the limits read per tenant, kept as jobs come and end, equals what a scan of every job
 * held would count: the unfinished jobs, and the creates of the current simulated day.
 */
class TenantJobsTest {
  private final SimFixture sim = SimFixture.of(SimFixture.BASE);

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void the_counts_kept_equal_a_scan_of_the_store_through_jobs_ending_and_midnight() {
    for (int round = 0; round < 3; round++) {
      create(2);
      sim.advance("30s");
      create(1);
      sim.advance("40s"); // task-1 takes 62 s: the first two have ended, the third has not
      assertThat(assertMatchesScan()).as("open jobs, beside ended ones").isEqualTo(2);
      sim.advance("2m"); // all end
      assertThat(assertMatchesScan()).isZero();
    }
    sim.advance("24h"); // past midnight
    assertThat(assertMatchesScan()).isZero();
    Map<String, Integer> today = sim.sim.call(e -> e.jobs().byTenant()
        .createdToday(SimFixture.ALICE, e.clock().instant()));
    assertThat(today).as("the new day starts from nothing").isEmpty();
  }

  private void create(int each) {
    for (int i = 0; i < each; i++) {
      sim.as(SimFixture.ALICE).body(SimFixture.create("task-1")).post("/v1/videos")
          .then().statusCode(201);
      sim.as(SimFixture.BOB).body(SimFixture.create("task-1")).post("/v1/videos")
          .then().statusCode(201);
    }
  }

  /** Compares both tenants' kept counts with a scan; answers how many jobs are open. */
  private int assertMatchesScan() {
    return sim.sim.call(e -> {
      Instant now = e.clock().instant();
      int open = 0;
      for (String tenant : new String[] {SimFixture.ALICE, SimFixture.BOB}) {
        var scanOpen = e.jobs().byId().values().stream()
            .filter(j -> j.tenant().equals(tenant) && !j.status().isTerminal()).toList();
        assertThat(e.jobs().byTenant().unfinished(tenant)).containsExactlyElementsOf(scanOpen);
        open += scanOpen.size();
        Map<String, Integer> scanToday = new TreeMap<>();
        e.jobs().byId().values().stream().filter(j -> j.tenant().equals(tenant)
                && !j.createdAt().isBefore(TenantJobs.dayStart(now)))
            .forEach(j -> scanToday.merge(j.model(), 1, Integer::sum));
        assertThat(e.jobs().byTenant().createdToday(tenant, now)).isEqualTo(scanToday);
      }
      return open;
    });
  }
}
