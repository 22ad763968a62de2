package dev.vidsim.gate;

import dev.vidsim.errors.SimException;
import dev.vidsim.faults.Decision;
import dev.vidsim.faults.Effect;
import dev.vidsim.faults.Endpoint;
import dev.vidsim.faults.Faults;
import dev.vidsim.faults.RequestFacts;
import dev.vidsim.jobs.Job;
import dev.vidsim.journal.Journal;
import dev.vidsim.limits.RateLimitFacts;
import dev.vidsim.limits.RateLimits;
import dev.vidsim.tenants.Tenant;
import dev.vidsim.tenants.Tenants;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Decides, before a request executes, whether an injected fault or a rate limit answers it
 * instead. A request stopped here is never executed, so it is never charged.
 */
public final class Gate {
  private final Faults faults;
  private final RateLimits limits;
  private final Tenants tenants;
  private final Supplier<Map<String, Job>> jobs;
  private final Journal journal;
  private final InstantSource clock;

  public Gate(Faults faults, RateLimits limits, Tenants tenants, Supplier<Map<String, Job>> jobs,
              Journal journal, InstantSource clock) {
    this.faults = faults;
    this.limits = limits;
    this.tenants = tenants;
    this.jobs = jobs;
    this.journal = journal;
    this.clock = clock;
  }

  /**
   * @param model the model a create asks for (null otherwise)
   * @param jobId the job a get, cancel or content request is about (null otherwise)
   */
  public Admission admit(Endpoint endpoint, String apiKey, String model, String jobId) {
    Tenant t = tenants.orNull(apiKey);
    RequestFacts facts = facts(endpoint, apiKey, t, model, jobId);
    Instant now = clock.instant();
    Decision d = faults.evaluate(facts, now);
    if (!d.isNone()) {
      journal.append("fault", Journal.fields().put("endpoint", endpoint.wireName())
          .put("tenant", apiKey).put("rules", String.join(",", d.fired())));
    }
    if (d.response() != null && d.response().effect().rejects()) {
      Effect e = d.response().effect();
      RateLimitFacts rate = e.retryAfter() == null ? RateLimitFacts.NONE
          : RateLimitFacts.NONE.withRetryAfter(RateLimits.seconds(e.retryAfter()),
              e.retryAfterDate() ? now.plus(e.retryAfter()) : null);
      SimException reject = e.status() == null || e.redirects() ? null
          : FaultErrors.of(d.response(), e.status(), facts.region());
      return new Admission(reject, e.drop(), rate, d.latency(), null, null, null, e);
    }
    var lost = d.response() != null && d.response().effect().lostResponse() ? d.response() : null;
    RateLimits.Verdict v = t == null ? new RateLimits.Verdict(null, RateLimitFacts.NONE)
        : limits.admit(endpoint, t, jobId);
    if (v.rejected() != null) {
      return new Admission(v.rejected(), false, v.facts(), Duration.ZERO, null, null, null,
          null);
    }
    boolean drop = lost != null && lost.effect().drop();
    String slot = t != null && limits.reserve(endpoint, t) ? t.apiKey() : null;
    return new Admission(null, drop, v.facts(), d.latency(), lost, d.outcome(), slot,
        lost == null ? null : lost.effect());
  }

  /** The request has run (or failed): give back the concurrent-job slot it held, if any. */
  public void release(Admission a) {
    if (a.slotOf() != null) limits.release(a.slotOf());
  }

  private RequestFacts facts(Endpoint endpoint, String apiKey, Tenant t, String model,
                             String jobId) {
    String region = t == null ? null : t.region();
    String tier = t == null ? null : t.tier();
    Job job = jobId == null ? null : jobs.get().get(jobId);
    if (job != null && job.tenant().equals(apiKey)) {
      model = job.model();
      region = job.region();
    }
    return RequestFacts.request(endpoint, apiKey, model, region, tier);
  }
}
