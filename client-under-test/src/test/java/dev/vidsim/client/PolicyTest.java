package dev.vidsim.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PolicyTest {
  private final BackoffRetryPolicy backoff = new BackoffRetryPolicy(Duration.ofSeconds(1),
      Duration.ofSeconds(10), 8, Duration.ofMinutes(5));

  @Test
  void the_backoff_window_doubles_per_retry_up_to_the_cap() {
    List<Long> ceilings = new ArrayList<>();
    for (int n = 1; n <= 7; n++) ceilings.add(backoff.ceiling(n).toSeconds());

    assertThat(ceilings).containsExactly(1L, 2L, 4L, 8L, 10L, 10L, 10L);
  }

  @Test
  void full_jitter_draws_anywhere_in_the_window_and_never_beyond_it() {
    SplittableRandom random = new SplittableRandom(11);
    long max = 0;
    long min = Long.MAX_VALUE;
    for (int i = 0; i < 2_000; i++) {
      long ms = backoff.delay(4, null, random).toMillis();
      max = Math.max(max, ms);
      min = Math.min(min, ms);
    }
    assertThat(max).isLessThanOrEqualTo(8_000).isGreaterThan(7_500);
    assertThat(min).isGreaterThanOrEqualTo(0).isLessThan(500);
  }

  @Test
  void the_same_seed_gives_the_same_delays() {
    List<Duration> a = new ArrayList<>();
    List<Duration> b = new ArrayList<>();
    SplittableRandom ra = new SplittableRandom(5);
    SplittableRandom rb = new SplittableRandom(5);
    for (int n = 1; n <= 6; n++) {
      a.add(backoff.delay(n, null, ra));
      b.add(backoff.delay(n, null, rb));
    }
    assertThat(a).isEqualTo(b);
  }

  @Test
  void retry_after_longer_than_the_jitter_is_waited_in_full() {
    Duration d = backoff.delay(1, Duration.ofSeconds(42), new SplittableRandom(1));

    assertThat(d).isEqualTo(Duration.ofSeconds(42));
  }

  @Test
  void only_rate_limits_server_errors_network_errors_and_in_flight_creates_are_retryable() {
    assertThat(backoff.isRetryable(new Failure(429, "rate_limited", null))).isTrue();
    assertThat(backoff.isRetryable(new Failure(408, "request_timeout", null))).isTrue();
    assertThat(backoff.isRetryable(new Failure(500, "internal", null))).isTrue();
    assertThat(backoff.isRetryable(new Failure(503, "region_unavailable", null))).isTrue();
    assertThat(backoff.isRetryable(new Failure(409, "idempotency_in_flight", null))).isTrue();
    assertThat(backoff.isRetryable(Failure.of(new HttpTimeoutException("slow")))).isTrue();
    assertThat(backoff.isRetryable(Failure.of(new IOException("reset")))).isTrue();
    for (int status : new int[] {400, 401, 402, 403, 404, 422}) {
      assertThat(backoff.isRetryable(new Failure(status, "x", null))).as("" + status).isFalse();
    }
    assertThat(backoff.isRetryable(new Failure(409, "job_not_cancellable", null))).isFalse();
  }

  @Test
  void retry_after_reads_seconds_and_http_dates() {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");

    assertThat(RetryAfter.parse("7", now)).isEqualTo(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse("Wed, 25 Nov 2026 10:01:30 GMT", now))
        .isEqualTo(Duration.ofSeconds(90));
    assertThat(RetryAfter.parse("Wed, 25 Nov 2026 09:00:00 GMT", now)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse("soon", now)).isNull();
    assertThat(RetryAfter.parse(null, now)).isNull();
  }

  @Test
  void poll_intervals_start_at_the_floor_grow_and_stop_growing_at_the_cap() {
    GrowingPollPolicy p = new GrowingPollPolicy(Duration.ofSeconds(4), 150,
        Duration.ofSeconds(12), 10, Duration.ofSeconds(60));
    List<Long> ms = new ArrayList<>();
    for (int n = 1; n <= 5; n++) ms.add(p.interval(n, false).toMillis());

    assertThat(ms).containsExactly(4_000L, 6_000L, 9_000L, 12_000L, 12_000L);
    assertThat(p.interval(1, true)).as("webhooks expected: polling is the slow safety net")
        .isEqualTo(Duration.ofSeconds(60));
  }
}
