package dev.vidsim.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyTest {
  private static long[] drawMillis(Latency.Range range, long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) out[i] = range.draw(r).toMillis();
    Arrays.sort(out);
    return out;
  }

  @Test
  void fixed_and_uniform_ranges_stay_within_their_bounds() {
    assertThat(Latency.Range.parse("2s").draw(new SplittableRandom(1)))
        .isEqualTo(Duration.ofSeconds(2));
    long[] d = drawMillis(Latency.Range.parse("40s..90s"), 3, 5_000);
    assertThat(d[0]).isGreaterThanOrEqualTo(40_000);
    assertThat(d[d.length - 1]).isLessThanOrEqualTo(90_000);
    assertThat(d[d.length / 2]).isBetween(60_000L, 70_000L);
  }

  @Test
  void lognormal_draws_centre_on_the_median_have_a_long_tail_and_respect_the_cap() {
    long[] d = drawMillis(Latency.Range.parse("lognormal(60s, 0.5, 5m)"), 7, 20_000);
    assertThat(d[d.length / 2]).isBetween(57_000L, 63_000L);
    long p95 = d[(int) (d.length * 0.95)];
    assertThat(p95).isBetween(120_000L, 150_000L);          // e^(1.645·0.5) ≈ 2.28 × median
    assertThat(d[d.length - 1]).isLessThanOrEqualTo(300_000);
    assertThat(d[0]).isPositive();
  }

  @Test
  void the_same_seed_draws_the_same_latencies() {
    Latency.Range r = Latency.Range.parse("lognormal(30s, 1.2, 10m)");
    assertThat(drawMillis(r, 42, 100)).isEqualTo(drawMillis(r, 42, 100));
  }

  @Test
  void malformed_distributions_say_what_is_expected() {
    assertThatThrownBy(() -> Latency.Range.parse("normal(60s)"))
        .hasMessageContaining("lognormal(60s, 0.5, 5m)");
    assertThatThrownBy(() -> Latency.Range.parse("lognormal(60s, 4, 5m)"))
        .hasMessageContaining("sigma must be in (0, 3]");
    assertThatThrownBy(() -> Latency.Range.parse("lognormal(6m, 0.5, 5m)"))
        .hasMessageContaining("max 5m is below its median 6m");
    assertThat(Latency.Range.parse("lognormal(60s,0.5,5m)")).hasToString("lognormal(1m, 0.5, 5m)");
  }
}
