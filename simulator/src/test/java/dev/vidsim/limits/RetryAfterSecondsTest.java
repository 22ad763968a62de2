package dev.vidsim.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A 429's Retry-After is whole seconds, rounded up: a client that waits it is never early. */
class RetryAfterSecondsTest {
  @Test
  void a_wait_rounds_up_to_whole_seconds() {
    assertThat(RateLimits.seconds(Duration.ofMillis(2500))).isEqualTo(3);
    assertThat(RateLimits.seconds(Duration.ofSeconds(2))).isEqualTo(2);
    assertThat(RateLimits.seconds(Duration.ofNanos(1))).isEqualTo(1);
    assertThat(RateLimits.seconds(Duration.ZERO)).isZero();
  }
}
