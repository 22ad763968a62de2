package dev.vidsim.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The request bucket: exact at its edges, and never more generous than its contract. */
class TokenBucketTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void a_full_bucket_allows_its_burst_then_one_request_per_interval() {
    TokenBucket b = new TokenBucket(6, 3, Duration.ofMinutes(1));
    assertThat(b.take(T0).remaining()).isEqualTo(2);
    assertThat(b.take(T0).remaining()).isEqualTo(1);
    assertThat(b.take(T0).remaining()).isZero();
    TokenBucket.Verdict refused = b.take(T0);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(10));
    assertThat(b.take(T0.plusMillis(9_999)).allowed()).isFalse();
    assertThat(b.take(T0.plusSeconds(10)).allowed()).isTrue();
  }

  @Test
  void refused_requests_cost_nothing() {
    TokenBucket b = new TokenBucket(1, 1, Duration.ofMinutes(1));
    assertThat(b.take(T0).allowed()).isTrue();
    for (int i = 1; i < 60; i++) assertThat(b.take(T0.plusSeconds(i)).allowed()).isFalse();
    assertThat(b.take(T0.plusSeconds(60)).allowed()).isTrue();
  }

  /** In any span of length d, at most burst + d / interval requests get through. */
  @Test
  void random_traffic_never_exceeds_burst_plus_the_refill_in_any_span() {
    for (long seed = 1; seed <= 50; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      int limit = 1 + r.nextInt(20);
      int burst = 1 + r.nextInt(10);
      TokenBucket b = new TokenBucket(limit, burst, Duration.ofMinutes(1));
      long intervalMillis = 60_000 / limit;
      List<Long> allowed = new ArrayList<>();
      long t = 0;
      for (int i = 0; i < 400; i++) {
        t += r.nextInt(4_000);
        if (b.take(T0.plusMillis(t)).allowed()) allowed.add(t);
      }
      for (int i = 0; i < allowed.size(); i++) {
        for (int j = i; j < allowed.size(); j++) {
          long span = allowed.get(j) - allowed.get(i);
          assertThat(j - i + 1L).as("seed %d", seed)
              .isLessThanOrEqualTo(burst + span / intervalMillis);
        }
      }
      assertThat(allowed).as("seed %d lets traffic through", seed).isNotEmpty();
    }
  }
}
