package dev.vidsim.limits;

import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.faults.Endpoint;
import dev.vidsim.jobs.Job;
import dev.vidsim.jobs.TenantJobs;
import dev.vidsim.journal.Journal;
import dev.vidsim.tenants.Tenant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.function.Supplier;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Rate limits per tenant: a request token bucket, a concurrent-job cap and a poll bucket per job.
 * A limited request answers 429 with Retry-After and is never executed nor charged.
 */
public final class RateLimits {
  static final Duration WINDOW = Duration.ofMinutes(1);
  /** When no running job has a planned end (stuck jobs), suggest this wait. */
  static final Duration CONCURRENCY_RETRY_DEFAULT = Duration.ofSeconds(30);
  private final InstantSource clock;
  private final Journal journal;
  private final LimitSpec base;
  private final Supplier<Map<String, Job>> jobs;
  private final TenantJobs byTenant;
  private final Map<String, LimitSpec> perTenant = new HashMap<>();
  private final Map<String, TokenBucket> requestBuckets = new HashMap<>();
  private final Map<String, TokenBucket> pollBuckets = new HashMap<>();
  /** Creates admitted but not yet run, per tenant: they count against concurrentJobs. */
  private final Map<String, Integer> slots = new HashMap<>();

  /**
   * @param jobs     every job by id: a poll's job
   * @param byTenant each tenant's unfinished jobs and creates today: concurrency and daily caps
   */
  public RateLimits(InstantSource clock, Journal journal, LimitSpec base,
                    Supplier<Map<String, Job>> jobs, TenantJobs byTenant) {
    this.clock = clock;
    this.journal = journal;
    this.base = base;
    this.jobs = jobs;
    this.byTenant = byTenant;
  }

  /** The outcome of checking one request: a 429 to answer (or null), and the limit state. */
  public record Verdict(SimException rejected, RateLimitFacts facts) {}

  public void set(String apiKey, LimitSpec spec) {
    perTenant.put(apiKey, spec);
    requestBuckets.remove(apiKey);
  }

  /** The tenant's limits: the scenario's, with its own on top. */
  public LimitSpec spec(String apiKey) {
    return specFor(apiKey);
  }

  LimitSpec specFor(String apiKey) {
    LimitSpec own = perTenant.get(apiKey);
    return own == null ? base : base.overriddenBy(own);
  }

  /** Takes one request from the tenant's limits: a 429 when one is exhausted. */
  public Verdict admit(Endpoint endpoint, Tenant t, String jobId) {
    LimitSpec spec = specFor(t.apiKey());
    Instant now = clock.instant();
    RateLimitFacts facts = RateLimitFacts.NONE;
    if (spec.requestsPerMinute() != null) {
      TokenBucket.Verdict v = requestBuckets.computeIfAbsent(t.apiKey(), k -> new TokenBucket(
          spec.requestsPerMinute(), spec.burstOrDefault(), WINDOW)).take(now);
      facts = new RateLimitFacts(v.limit(), v.remaining(), seconds(v.reset()), null, null);
      if (!v.allowed()) {
        return limited(t, v.retryAfter(), "requests", "rate limit of "
            + spec.requestsPerMinute() + " requests per minute exceeded", v.limit(), v.reset());
      }
    }
    if (endpoint == Endpoint.CREATE && spec.createsPerDay() != null) {
      Verdict d = daily(t, spec.createsPerDay(), now);
      if (d != null) return d;
    }
    if (endpoint == Endpoint.CREATE && spec.concurrentJobs() != null
        && !spec.queuesOverLimit()) {
      Verdict a = concurrency(t, spec.concurrentJobs(), now);
      if (a != null) return a;
    }
    Job polled = jobId == null ? null : jobs.get().get(jobId);
    if (endpoint == Endpoint.GET && polled != null && spec.pollsPerJobPerMinute() != null
        && t.apiKey().equals(polled.tenant())) {
      TokenBucket.Verdict v = pollBuckets.computeIfAbsent(jobId, k -> new TokenBucket(
          spec.pollsPerJobPerMinute(), spec.pollsPerJobPerMinute(), WINDOW)).take(now);
      if (!v.allowed()) {
        return limited(t, v.retryAfter(), "polls", "poll limit of "
            + spec.pollsPerJobPerMinute() + " status requests per job per minute exceeded",
            v.limit(), v.reset());
      }
    }
    return new Verdict(null, facts);
  }

  /** Holds a concurrent-job slot for an admitted create, when the tenant has that limit. */
  public boolean reserve(Endpoint endpoint, Tenant t) {
    LimitSpec spec = specFor(t.apiKey());
    if (endpoint != Endpoint.CREATE || spec.concurrentJobs() == null) return false;
    if (spec.queuesOverLimit()) return false;
    slots.merge(t.apiKey(), 1, Integer::sum);
    return true;
  }

  /**
   * How many of this tenant's jobs may render at once when the rest wait queued (its
   * concurrentJobs with overLimit queue), or null when creates over the limit are rejected.
   */
  public Integer runningMax(String apiKey) {
    LimitSpec spec = specFor(apiKey);
    return spec.queuesOverLimit() ? spec.concurrentJobs() : null;
  }

  public void release(String apiKey) {
    slots.computeIfPresent(apiKey, (k, n) -> n <= 1 ? null : n - 1);
  }

  private Verdict concurrency(Tenant t, int max, Instant now) {
    Instant soonest = null;
    int active = slots.getOrDefault(t.apiKey(), 0);
    for (Job j : byTenant.unfinished(t.apiKey())) {
      active++;
      Instant end = j.renderEndsAt();
      if (end != null && end.isAfter(now) && (soonest == null || end.isBefore(soonest))) {
        soonest = end;
      }
    }
    if (active < max) return null;
    Duration wait = soonest == null ? CONCURRENCY_RETRY_DEFAULT : Duration.between(now, soonest);
    return limited(t, wait, "concurrentJobs", "concurrent job limit of " + max
        + " reached (" + active + " queued or in progress)", max, wait);
  }

  /** The day's creates are used up: a 429 until midnight UTC (simulated). */
  private Verdict daily(Tenant t, int max, Instant now) {
    int today = DailyCreates.total(byTenant.createdToday(t.apiKey(), now));
    if (today < max) return null;
    Duration wait = Duration.between(now, DailyCreates.nextDay(now));
    return limited(t, wait, "createsPerDay", "daily limit of " + max + " generations reached ("
        + today + " created today)", max, wait);
  }

  /** A 429: its facts describe the limit that was hit. */
  private Verdict limited(Tenant t, Duration wait, String scope, String why, int limit,
                          Duration reset) {
    long seconds = Math.max(1, seconds(wait));
    journal.append("rate_limited", Journal.fields().put("tenant", t.apiKey())
        .put("limit", scope).put("retryAfterSeconds", seconds));
    SimException e = new SimException(ErrorCode.RATE_LIMITED, why + "; retry after " + seconds
        + " s", Map.of("limit", scope, "retryAfterSeconds", seconds));
    return new Verdict(e, new RateLimitFacts(limit, 0L, Math.max(1, seconds(reset)), seconds,
        null));
  }

  /** Whole seconds, rounded up: waiting a little longer than asked is always safe. */
  public static long seconds(Duration d) {
    long s = d.getSeconds();
    return d.getNano() > 0 ? s + 1 : s;
  }
}
