package dev.vidsim.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Exponential backoff with full jitter: retry n waits a uniform random time in
 * [0, min(cap, base × 2^(n-1))], and never less than the provider's {@code Retry-After}.
 * Retries 408, 429, 5xx, timeouts, connection errors and a 409 for a create still in flight;
 * never another 4xx (400 invalid, 401, 402 no credit, 403, 404, 409, 422 key reused).
 */
public class BackoffRetryPolicy implements RetryPolicy {
  /** 409 codes that mean "the same request is still running": retrying is safe. */
  static final Set<String> RETRYABLE_CONFLICTS = Set.of("idempotency_in_flight");
  private final Duration base;
  private final Duration cap;
  private final int attemptsMax;
  private final Duration retryAfterMax;

  public BackoffRetryPolicy(Duration base, Duration cap, int attemptsMax, Duration retryAfterMax) {
    this.base = Objects.requireNonNull(base, "base");
    this.cap = Objects.requireNonNull(cap, "cap");
    this.retryAfterMax = Objects.requireNonNull(retryAfterMax, "retryAfterMax");
    if (base.isNegative() || base.isZero()) throw new IllegalArgumentException("base must be > 0");
    if (cap.compareTo(base) < 0) throw new IllegalArgumentException("cap must be >= base");
    if (attemptsMax < 1) throw new IllegalArgumentException("attemptsMax must be >= 1");
    this.attemptsMax = attemptsMax;
  }

  @Override
  public int attemptsMax() {
    return attemptsMax;
  }

  @Override
  public Duration retryAfterMax() {
    return retryAfterMax;
  }

  public Duration base() {
    return base;
  }

  public Duration cap() {
    return cap;
  }

  @Override
  public boolean isRetryable(Failure f) {
    if (f.isNetwork()) return true;
    if (f.status() == 408 || f.status() == 429 || f.status() >= 500) return true;
    return f.status() == 409 && RETRYABLE_CONFLICTS.contains(f.code());
  }

  @Override
  public Duration delay(int retry, Duration retryAfter, SplittableRandom random) {
    Duration jittered = Duration.ofMillis(random.nextLong(ceiling(retry).toMillis() + 1));
    if (retryAfter != null && retryAfter.compareTo(jittered) > 0) return retryAfter;
    return jittered;
  }

  /** The upper bound of the jitter window for retry n: min(cap, base × 2^(n-1)). */
  public Duration ceiling(int retry) {
    if (retry < 1) throw new IllegalArgumentException("retry numbers start at 1, got " + retry);
    int doublings = Math.min(retry - 1, 40);
    long millis = base.toMillis();
    for (int i = 0; i < doublings && millis < cap.toMillis(); i++) millis *= 2;
    return Duration.ofMillis(Math.min(millis, cap.toMillis()));
  }
}
