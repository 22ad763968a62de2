package dev.vidsim.limits;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket in its exact GCRA form: {@code limit} requests per {@code window}, up to
 * {@code burst} at once. It keeps one instant (when the bucket will be full again), so it costs
 * nothing to keep per tenant or per job, and it runs on the simulated clock.
 */
public final class TokenBucket {
  private final int limit;
  private final long intervalNanos;
  private final long toleranceNanos;
  private Instant fullAt;

  /** What the bucket said about one request. */
  public record Verdict(boolean allowed, int limit, long remaining, Duration reset,
                        Duration retryAfter) {}

  public TokenBucket(int limit, int burst, Duration window) {
    if (limit < 1 || burst < 1) throw new IllegalArgumentException("limit and burst must be >= 1");
    this.limit = limit;
    this.intervalNanos = window.toNanos() / limit;
    this.toleranceNanos = intervalNanos * (burst - 1);
    this.fullAt = Instant.MIN;
  }

  public Verdict take(Instant now) {
    Instant base = fullAt.isAfter(now) ? fullAt : now;
    long debt = Duration.between(now, base).toNanos();
    if (debt > toleranceNanos) {
      Duration wait = Duration.ofNanos(debt - toleranceNanos);
      return new Verdict(false, limit, 0, Duration.ofNanos(debt), wait);
    }
    fullAt = base.plusNanos(intervalNanos);
    long newDebt = debt + intervalNanos;
    long remaining = (toleranceNanos + intervalNanos - newDebt) / intervalNanos;
    return new Verdict(true, limit, remaining, Duration.ofNanos(newDebt), Duration.ZERO);
  }
}
