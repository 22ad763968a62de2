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
import org.junit.jupiter.api.Test;

class JobStoreTest {
  private static final Instant T0 = Instant.EPOCH;

  private static Job job(String id) {
    Pricing p = Pricing.simple(PricingUnit.TASK, Money.parse("0.10"), BillOn.CREATE);
    JobSpec spec = new JobSpec("text-to-video", "720p", "free", BigDecimal.ONE, 0);
    return new Job(id, "sk", "m", "r", "p", spec, PriceCalculator.quote(p, spec), p, null, null,
        T0);
  }

  @Test
  void a_full_store_forgets_its_oldest_finished_job() {
    JobStore store = new JobStore(2);
    Job running = job("a");
    Job done = job("b");
    store.add(running);
    store.add(done);
    done.moveTo(JobStatus.CANCELLED, T0, "test");
    store.ended(done);
    assertThat(store.full()).isFalse();
    assertThat(store.add(job("c"))).isTrue();
    assertThat(store.asMap().keySet()).containsExactly("a", "c");
    assertThat(store.evicted()).isEqualTo(1);
  }

  @Test
  void a_store_full_of_running_jobs_refuses_more() {
    JobStore store = new JobStore(1);
    store.add(job("a"));
    assertThat(store.full()).isTrue();
    assertThat(store.add(job("b"))).isFalse();
    assertThat(store.asMap()).containsOnlyKeys("a");
    assertThat(store.unfinished()).isEqualTo(1);
  }

  @Test
  void finished_jobs_are_forgotten_in_the_order_they_ended_not_created() {
    JobStore store = new JobStore(3);
    Job a = job("a");
    Job b = job("b");
    Job c = job("c");
    store.add(a);
    store.add(b);
    store.add(c);
    store.ended(c);
    store.ended(a);
    store.add(job("d"));
    assertThat(store.asMap().keySet()).containsExactly("a", "b", "d");
    store.add(job("e"));
    assertThat(store.asMap().keySet()).containsExactly("b", "d", "e");
    assertThat(store.full()).isTrue();
    assertThat(store.unfinished()).isEqualTo(3);
    assertThat(store.evicted()).isEqualTo(2);
  }

  @Test
  void the_bound_is_checked() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JobStore(0))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JobStore(JobStore.CAPACITY_MAX
        + 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
