package dev.vidsim.limits;

import java.time.Instant;

/**
 * What a request learns about its rate limits, in engine terms; each dialect writes its own
 * headers from it (X-RateLimit-*, x-ratelimit-*-requests, Retry-After, or nothing at all).
 *
 * @param limit             size of the limit that applied, or null when none did
 * @param remaining         requests left in it
 * @param resetSeconds      seconds until it is full again
 * @param retryAfterSeconds how long to wait before retrying, or null when no wait is asked
 * @param retryAt           set when the wait is to be sent as an HTTP-date (an instant on the
 *                          simulated clock), null for delta-seconds
 */
public record RateLimitFacts(Integer limit, Long remaining, Long resetSeconds,
                             Long retryAfterSeconds, Instant retryAt) {
  public static final RateLimitFacts NONE = new RateLimitFacts(null, null, null, null, null);

  public RateLimitFacts withRetryAfter(long seconds, Instant at) {
    return new RateLimitFacts(limit, remaining, resetSeconds, seconds, at);
  }

  public boolean hasLimit() {
    return limit != null;
  }
}
