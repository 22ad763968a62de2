package dev.vidsim.engine;

import dev.vidsim.faults.Endpoint;
import dev.vidsim.jobs.Job;
import dev.vidsim.journal.Journal;
import dev.vidsim.limits.LimitSpec;
import dev.vidsim.limits.TokenBucket;
import dev.vidsim.tenants.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Rate limits per tenant: a request token bucket, a concurrent-job cap and a poll bucket per job.
 * A limited request answers 429 with Retry-After and is never executed nor charged.
 */
final class Throttle {
  static final Duration WINDOW = Duration.ofMinutes(1);
  /** When no running job has a planned end (stuck jobs), suggest this wait. */
  static final Duration CONCURRENCY_RETRY_DEFAULT = Duration.ofSeconds(30);
  private final Engine world;
  private final Map<String, LimitSpec> perTenant = new HashMap<>();
  private final Map<String, TokenBucket> requestBuckets = new HashMap<>();
  private final Map<String, TokenBucket> pollBuckets = new HashMap<>();
  /** Creates admitted but not yet run, per tenant: they count against concurrentJobs. */
  private final Map<String, Integer> slots = new HashMap<>();

  Throttle(Engine world) {
    this.world = world;
  }

  void set(String apiKey, LimitSpec spec) {
    perTenant.put(apiKey, spec);
    requestBuckets.remove(apiKey);
  }

  LimitSpec specFor(String apiKey) {
    LimitSpec base = world.scenario().conditions().limits();
    LimitSpec own = perTenant.get(apiKey);
    return own == null ? base : base.overriddenBy(own);
  }

  /** Null when the request may go ahead; headers gets the rate-limit state either way. */
  Admission admit(Endpoint endpoint, Tenant t, String jobId, Map<String, String> headers) {
    LimitSpec spec = specFor(t.apiKey());
    Instant now = world.clock().instant();
    if (spec.requestsPerMinute() != null) {
      TokenBucket.Verdict v = requestBuckets.computeIfAbsent(t.apiKey(), k -> new TokenBucket(
          spec.requestsPerMinute(), spec.burstOrDefault(), WINDOW)).take(now);
      headers.put("X-RateLimit-Limit", Integer.toString(v.limit()));
      headers.put("X-RateLimit-Remaining", Long.toString(v.remaining()));
      headers.put("X-RateLimit-Reset", Long.toString(Gate.seconds(v.reset())));
      if (!v.allowed()) {
        return limited(t, headers, v.retryAfter(), "requests", "rate limit of "
            + spec.requestsPerMinute() + " requests per minute exceeded", v.limit(), v.reset());
      }
    }
    if (endpoint == Endpoint.CREATE && spec.concurrentJobs() != null) {
      Admission a = concurrency(t, spec.concurrentJobs(), headers, now);
      if (a != null) return a;
    }
    if (endpoint == Endpoint.GET && jobId != null && spec.pollsPerJobPerMinute() != null
        && t.apiKey().equals(world.jobs().tenantOf(jobId))) {
      TokenBucket.Verdict v = pollBuckets.computeIfAbsent(jobId, k -> new TokenBucket(
          spec.pollsPerJobPerMinute(), spec.pollsPerJobPerMinute(), WINDOW)).take(now);
      if (!v.allowed()) {
        return limited(t, headers, v.retryAfter(), "polls", "poll limit of "
            + spec.pollsPerJobPerMinute() + " status requests per job per minute exceeded",
            v.limit(), v.reset());
      }
    }
    return null;
  }

  /** Holds a concurrent-job slot for an admitted create, when the tenant has that limit. */
  boolean reserve(Endpoint endpoint, Tenant t) {
    if (endpoint != Endpoint.CREATE || specFor(t.apiKey()).concurrentJobs() == null) return false;
    slots.merge(t.apiKey(), 1, Integer::sum);
    return true;
  }

  void release(String apiKey) {
    slots.computeIfPresent(apiKey, (k, n) -> n <= 1 ? null : n - 1);
  }

  private Admission concurrency(Tenant t, int max, Map<String, String> headers, Instant now) {
    Instant soonest = null;
    int active = slots.getOrDefault(t.apiKey(), 0);
    for (Job j : world.jobsById().values()) {
      if (!j.tenant().equals(t.apiKey()) || j.status().isTerminal()) continue;
      active++;
      Instant end = j.renderEndsAt();
      if (end != null && end.isAfter(now) && (soonest == null || end.isBefore(soonest))) {
        soonest = end;
      }
    }
    if (active < max) return null;
    Duration wait = soonest == null ? CONCURRENCY_RETRY_DEFAULT : Duration.between(now, soonest);
    return limited(t, headers, wait, "concurrentJobs", "concurrent job limit of " + max
        + " reached (" + active + " queued or in progress)", max, wait);
  }

  /** A 429: its X-RateLimit-* headers describe the limit that was hit. */
  private Admission limited(Tenant t, Map<String, String> headers, Duration wait, String scope,
                            String why, int limit, Duration reset) {
    long seconds = Math.max(1, Gate.seconds(wait));
    headers.put("Retry-After", Long.toString(seconds));
    headers.put("X-RateLimit-Limit", Integer.toString(limit));
    headers.put("X-RateLimit-Remaining", "0");
    headers.put("X-RateLimit-Reset", Long.toString(Math.max(1, Gate.seconds(reset))));
    world.journal().append("rate_limited", Journal.fields().put("tenant", t.apiKey())
        .put("limit", scope).put("retryAfterSeconds", seconds));
    SimException e = new SimException(ErrorCode.RATE_LIMITED, why + "; retry after " + seconds
        + " s", Map.of("limit", scope, "retryAfterSeconds", seconds));
    return new Admission(e, false, headers, Duration.ZERO, null, null, null);
  }
}
