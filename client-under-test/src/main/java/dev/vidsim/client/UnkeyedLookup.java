package dev.vidsim.client;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The look before resending a create to a provider without idempotency keys: only a lookup that
 * answered "no such job" lets the create go again. A lookup that failed (or must wait for its
 * Retry-After) ends the retries instead of resending blindly, which could pay twice; the create
 * then looks once more with retries of its own, and otherwise reports its outcome unknown.
 */
final class UnkeyedLookup {
  private UnkeyedLookup() {}

  /** @return the job found, or empty when the provider says there is none */
  static Optional<ApiResponse> check(Retrier retrier, Call lookup,
                                     AtomicReference<Instant> notBefore, Failure last) {
    Optional<ApiResponse> answer = retrier.sendOnce(lookup, notBefore);
    if (answer.isEmpty()) {
      retrier.holdOff(notBefore); // the look once more that follows waits a jittered backoff
      throw new ApiException(last.status(), last.code(), "create failed (" + last.describe()
          + ") and the look for the job it may have made failed too: not resent", 1);
    }
    var data = answer.get().json().path("data");
    if (data.size() == 0) return Optional.empty();
    return Optional.of(new ApiResponse(200, java.util.Map.of(), data.get(0).toString()));
  }
}
