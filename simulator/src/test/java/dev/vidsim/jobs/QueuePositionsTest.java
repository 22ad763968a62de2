package dev.vidsim.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.money.Money;
import dev.vidsim.pricing.BillOn;
import dev.vidsim.pricing.JobSpec;
import dev.vidsim.pricing.PriceCalculator;
import dev.vidsim.pricing.Pricing;
import dev.vidsim.pricing.PricingUnit;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QueuePositionsTest {
  private static final Instant T0 = Instant.EPOCH;

  private static Job job(String id, String tenant) {
    Pricing p = Pricing.simple(PricingUnit.TASK, Money.parse("0.10"), BillOn.CREATE);
    JobSpec spec = new JobSpec("text-to-video", "720p", "free", BigDecimal.ONE, 0);
    return new Job(id, tenant, "m", "r", "p", spec, PriceCalculator.quote(p, spec), p, null,
        null, T0);
  }

  /** What a queue position means: the tenant's earlier jobs still queued, by a plain scan. */
  private static int scanned(List<Job> all, Job job) {
    int ahead = 0;
    for (Job j : all) {
      if (j == job) return ahead;
      if (j.tenant().equals(job.tenant()) && j.status() == JobStatus.QUEUED) ahead++;
    }
    return ahead;
  }

  @Test
  void positions_count_the_tenants_earlier_jobs_still_queued() {
    QueuePositions q = new QueuePositions();
    List<Job> all = new ArrayList<>();
    for (String id : List.of("a1", "b1", "a2", "a3", "b2")) {
      Job j = job(id, id.substring(0, 1));
      all.add(j);
      q.queued(j);
    }
    all.get(0).moveTo(JobStatus.IN_PROGRESS, T0, "test");
    q.left(all.get(0));
    assertThat(all.stream().map(q::ahead)).containsExactly(0, 0, 0, 1, 1);
  }

  @Test
  void positions_match_a_scan_of_every_job_through_bursts_and_drains() {
    QueuePositions q = new QueuePositions();
    List<Job> all = new ArrayList<>();
    List<Job> queued = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(20261207);
    for (int step = 0; step < 20_000; step++) {
      // bursts of creates, then drains: the window rebases and grows and shrinks again
      boolean bursting = (step / 2_000) % 2 == 0;
      if (queued.isEmpty() || r.nextInt(10) < (bursting ? 7 : 3)) {
        Job j = job("j" + step, "t" + r.nextInt(3));
        all.add(j);
        queued.add(j);
        q.queued(j);
      } else {
        Job j = queued.remove(r.nextInt(Math.min(queued.size(), 4)));
        j.moveTo(r.nextBoolean() ? JobStatus.IN_PROGRESS : JobStatus.CANCELLED, T0, "test");
        q.left(j);
      }
      if (step % 97 == 0) {
        for (Job j : queued) assertThat(q.ahead(j)).as(j.id()).isEqualTo(scanned(all, j));
      }
    }
  }
}
