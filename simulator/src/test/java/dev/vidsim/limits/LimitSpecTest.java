package dev.vidsim.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.limits.LimitSpec.OverLimit;
import org.junit.jupiter.api.Test;

/** A tenant's limits as a scenario writes them: bounds, defaults and per-key overrides. */
class LimitSpecTest {
  @Test
  void every_limit_is_at_least_one() {
    LimitSpec ones = new LimitSpec(1, 1, 1, 1, OverLimit.REJECT, 1);
    assertThat(ones.createsPerDay()).isEqualTo(1);
    assertThatThrownBy(() -> new LimitSpec(0, null, null, null))
        .hasMessage("requestsPerMinute must be >= 1, got 0");
    assertThatThrownBy(() -> new LimitSpec(null, 0, null, null)).hasMessageContaining("burst");
    assertThatThrownBy(() -> new LimitSpec(null, null, 0, null))
        .hasMessageContaining("concurrentJobs");
    assertThatThrownBy(() -> new LimitSpec(null, null, null, 0))
        .hasMessageContaining("pollsPerJobPerMinute");
    assertThatThrownBy(() -> new LimitSpec(null, null, null, null, null, 0))
        .hasMessageContaining("createsPerDay");
  }

  @Test
  void the_burst_defaults_to_a_minute_of_requests() {
    assertThat(new LimitSpec(60, null, null, null).burstOrDefault()).isEqualTo(60);
    assertThat(new LimitSpec(60, 5, null, null).burstOrDefault()).isEqualTo(5);
  }

  @Test
  void creates_queue_over_the_limit_only_when_asked_and_when_there_is_a_limit() {
    assertThat(new LimitSpec(null, null, 2, null, OverLimit.QUEUE).queuesOverLimit()).isTrue();
    assertThat(new LimitSpec(null, null, 2, null, OverLimit.REJECT).queuesOverLimit()).isFalse();
    assertThat(new LimitSpec(null, null, 2, null, null).queuesOverLimit()).isFalse();
    assertThat(new LimitSpec(null, null, null, null, OverLimit.QUEUE).queuesOverLimit())
        .isFalse();
    assertThat(OverLimit.parse("Queue")).isEqualTo(OverLimit.QUEUE);
    assertThatThrownBy(() -> OverLimit.parse("wait")).hasMessageContaining("reject or queue");
  }

  @Test
  void an_override_replaces_only_the_limits_it_sets() {
    LimitSpec tier = new LimitSpec(60, 10, 2, 30, OverLimit.REJECT, 100);
    LimitSpec key = new LimitSpec(null, 20, null, null, OverLimit.QUEUE, null);
    assertThat(tier.overriddenBy(key))
        .isEqualTo(new LimitSpec(60, 20, 2, 30, OverLimit.QUEUE, 100));
    LimitSpec all = new LimitSpec(1, 2, 3, 4, OverLimit.REJECT, 5);
    assertThat(tier.overriddenBy(all)).isEqualTo(all);
    assertThat(tier.overriddenBy(LimitSpec.NONE)).isEqualTo(tier);
  }
}
