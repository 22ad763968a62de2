package dev.vidsim.client;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Decides whether a failed call is tried again and how long to wait first. The default is
 * {@link BackoffRetryPolicy}; a variant is one overridden method.
 */
public interface RetryPolicy {
  /** Total attempts of one call, the first included. */
  int attemptsMax();

  boolean isRetryable(Failure failure);

  /**
   * The wait before retry number {@code retry} (1 for the first retry).
   *
   * @param retryAfter what the provider asked for in {@code Retry-After}, or null
   */
  Duration delay(int retry, Duration retryAfter, SplittableRandom random);

  /** A {@code Retry-After} longer than this ends the call instead of blocking it that long. */
  Duration retryAfterMax();

  static RetryPolicy standard() {
    return new BackoffRetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5,
        Duration.ofMinutes(5));
  }
}
