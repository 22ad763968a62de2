package dev.vidsim.client;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/** Runs a {@link Call} under a {@link RetryPolicy}, logging every attempt. */
final class Retrier {
  /**
   * Runs after the wait before each retry, and once more when retries run out; may settle the
   * call without resending it, e.g. by finding the job that a lost create response had made.
   */
  interface BeforeRetry {
    Optional<ApiResponse> check(Failure last);

    /** When retries have run out: a last, thorough check; by default the same one. */
    default Optional<ApiResponse> settle(Failure last) {
      return check(last);
    }
  }

  private final Http http;
  private final RetryPolicy policy;
  private final ClientClock clock;
  private final SplittableRandom random;
  private final RequestLog log;
  /**
   * A Retry-After answer, by request: until then that same request is not sent again from any
   * thread of this client (a rate limit is the account's, not one thread's).
   */
  private final java.util.Map<String, Instant> retryAfterUntil =
      new java.util.concurrent.ConcurrentHashMap<>();

  Retrier(Http http, RetryPolicy policy, ClientClock clock, SplittableRandom random,
          RequestLog log) {
    this.http = http;
    this.policy = policy;
    this.clock = clock;
    this.random = random;
    this.log = log;
  }

  ApiResponse send(Call call) {
    return send(call, last -> Optional.empty());
  }

  ApiResponse send(Call call, BeforeRetry beforeRetry) {
    return send(attempt -> call, beforeRetry);
  }

  /** @param calls the request to send for each attempt number (1-based) */
  ApiResponse send(IntFunction<Call> calls, BeforeRetry beforeRetry) {
    Duration waited = calls.apply(1).waitedFor();
    for (int attempt = 1; ; attempt++) {
      Call call = calls.apply(attempt);
      // a first attempt waits out another call's Retry-After; retries wait their own delay
      if (attempt == 1) waitUntil(retryAfterUntil.get(sameRequest(call)));
      ApiResponse r = null;
      Failure f;
      try {
        r = http.send(call);
        noteRetryAfter(call, r);
        f = r.isSuccess() ? null : Failure.of(r);
      } catch (IOException e) {
        f = Failure.of(e);
      }
      record(call, attempt, f, waited, r);
      if (f == null) return r;
      if (!policy.isRetryable(f)) throw giveUp(call, attempt, f, r, "not retryable");
      if (attempt >= policy.attemptsMax()) {
        Optional<ApiResponse> settled = beforeRetry.settle(f);
        if (settled.isPresent()) return settled.get();
        throw giveUp(call, attempt, f, r, "gave up after " + attempt + " attempts");
      }
      waited = delay(call, attempt, f, r);
      clock.sleep(waited);
      Optional<ApiResponse> settled = beforeRetry.check(f);
      if (settled.isPresent()) return settled.get();
    }
  }

  /**
   * One attempt, never retried: the response, or empty after a retryable failure. For requests
   * made inside another call's retry loop, so one logical call stays within its own budget. A
   * Retry-After it is answered with is kept in {@code notBefore}: until then nothing is sent and
   * the answer is empty.
   */
  Optional<ApiResponse> sendOnce(Call call, AtomicReference<Instant> notBefore) {
    Instant gate = notBefore.get();
    if (gate != null && clock.now().isBefore(gate)) return Optional.empty();
    Instant shared = retryAfterUntil.get(sameRequest(call));
    if (shared != null && clock.now().isBefore(shared)) return Optional.empty();
    ApiResponse r = null;
    Failure f;
    try {
      r = http.send(call);
      noteRetryAfter(call, r);
      f = r.isSuccess() ? null : Failure.of(r);
    } catch (IOException e) {
      f = Failure.of(e);
    }
    record(call, 1, f, call.waitedFor(), r);
    if (f == null) return Optional.of(r);
    if (!policy.isRetryable(f)) throw giveUp(call, 1, f, r, "not retryable");
    Duration retryAfter = r == null ? null
        : RetryAfter.parse(r.header("Retry-After").orElse(null), clock.now());
    if (retryAfter != null) notBefore.set(clock.now().plus(retryAfter));
    return Optional.empty();
  }

  /**
   * After a failed one-off request whose answer set no Retry-After: the next request waits a
   * backoff drawn as for a first retry (jittered), so clients do not come back in lock-step.
   */
  void holdOff(AtomicReference<Instant> notBefore) {
    Duration backoff;
    synchronized (random) {
      backoff = policy.delay(1, null, random);
    }
    Instant until = clock.now().plus(backoff);
    notBefore.accumulateAndGet(until, (a, b) -> a == null || b.isAfter(a) ? b : a);
  }

  private static String sameRequest(Call c) {
    return c.method() + " " + c.path() + " " + c.idempotencyKey() + " " + c.body();
  }

  private void noteRetryAfter(Call call, ApiResponse r) {
    if (r.isSuccess()) return;
    Instant now = clock.now();
    Duration retryAfter = RetryAfter.parse(r.header("Retry-After").orElse(null), now);
    if (retryAfter == null) return;
    retryAfterUntil.values().removeIf(t -> !t.isAfter(now));
    retryAfterUntil.merge(sameRequest(call), now.plus(retryAfter),
        (a, b) -> b.isAfter(a) ? b : a);
  }

  /** Sleeps until {@code t}, if it is still ahead. */
  void waitUntil(Instant t) {
    if (t != null && clock.now().isBefore(t)) clock.sleep(Duration.between(clock.now(), t));
  }

  /** Backoff for this retry, at least Retry-After; ends the call if Retry-After is too long. */
  private Duration delay(Call call, int attempt, Failure f, ApiResponse r) {
    Duration retryAfter = r == null ? null
        : RetryAfter.parse(r.header("Retry-After").orElse(null), clock.now());
    if (retryAfter != null && retryAfter.compareTo(policy.retryAfterMax()) > 0) {
      throw giveUp(call, attempt, f, r, "Retry-After " + retryAfter.toSeconds()
          + "s exceeds retryAfterMax " + policy.retryAfterMax().toSeconds() + "s");
    }
    synchronized (random) {
      return policy.delay(attempt, retryAfter, random);
    }
  }

  private static ApiException giveUp(Call call, int attempt, Failure f, ApiResponse r,
                                     String why) {
    String detail = r == null ? f.describe() : f.describe() + ": " + r.errorMessage();
    return new ApiException(f.status(), f.code(), call.operation() + " " + call.method() + " "
        + call.path() + " failed (" + why + "): " + detail, attempt);
  }

  private void record(Call call, int attempt, Failure f, Duration waited, ApiResponse r) {
    String jobId = call.jobId();
    if (jobId == null && f == null) jobId = JsonSupport.text(r.json(), "id");
    Amount cost = f == null ? call.cost().apply(r) : Amount.ZERO;
    log.add(new RequestRecord(clock.now(), call.operation(), call.method(), call.path(), jobId,
        call.idempotencyKey(), attempt, f == null ? r.status() : f.status(),
        f == null ? null : f.code(), waited, cost));
  }
}
