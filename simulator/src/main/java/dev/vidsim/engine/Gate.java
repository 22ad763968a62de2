package dev.vidsim.engine;

import dev.vidsim.faults.Decision;
import dev.vidsim.faults.Effect;
import dev.vidsim.faults.Endpoint;
import dev.vidsim.faults.RequestFacts;
import dev.vidsim.jobs.Job;
import dev.vidsim.journal.Journal;
import dev.vidsim.tenants.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decides, before a request executes, whether an injected fault or a rate limit answers it
 * instead. A request stopped here is never executed, so it is never charged.
 */
public final class Gate {
  static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
      .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  private final Engine world;

  Gate(Engine world) {
    this.world = world;
  }

  /**
   * @param model the model a create asks for (null otherwise)
   * @param jobId the job a get, cancel or content request is about (null otherwise)
   */
  public Admission admit(Endpoint endpoint, String apiKey, String model, String jobId) {
    Tenant t = apiKey == null ? null : world.tenantOrNull(apiKey);
    RequestFacts facts = facts(endpoint, apiKey, t, model, jobId);
    Instant now = world.clock().instant();
    Decision d = world.faults().evaluate(facts, now);
    Map<String, String> headers = new LinkedHashMap<>();
    if (!d.isNone()) {
      world.journal().append("fault", Journal.fields().put("endpoint", endpoint.wireName())
          .put("tenant", apiKey).put("rules", String.join(",", d.fired())));
    }
    if (d.response() != null && d.response().effect().rejects()) {
      Effect e = d.response().effect();
      if (e.retryAfter() != null) headers.put("Retry-After", retryAfter(e, now));
      SimException reject = e.status() == null ? null
          : FaultErrors.of(d.response(), e.status(), facts.region());
      return new Admission(reject, e.drop(), headers, d.latency(), null, null, null);
    }
    var lost = d.response() != null && d.response().effect().lostResponse() ? d.response() : null;
    Admission limited = t == null ? null : world.limits().admit(endpoint, t, jobId, headers);
    if (limited != null) return limited;
    boolean drop = lost != null && lost.effect().drop();
    String slot = t != null && world.limits().reserve(endpoint, t) ? t.apiKey() : null;
    return new Admission(null, drop, headers, d.latency(), lost, d.outcome(), slot);
  }

  /** The request has run (or failed): give back the concurrent-job slot it held, if any. */
  public void release(Admission a) {
    if (a.slotOf() != null) world.limits().release(a.slotOf());
  }

  private RequestFacts facts(Endpoint endpoint, String apiKey, Tenant t, String model,
                             String jobId) {
    String region = t == null ? null : t.region();
    String tier = t == null ? null : t.tier();
    Job job = jobId == null ? null : world.jobsById().get(jobId);
    if (job != null && job.tenant().equals(apiKey)) {
      model = job.model();
      region = job.region();
    }
    return RequestFacts.request(endpoint, apiKey, model, region, tier);
  }

  static String retryAfter(Effect e, Instant now) {
    Duration d = e.retryAfter();
    if (e.retryAfterDate()) return httpDate(now.plus(d));
    return Long.toString(seconds(d));
  }

  /** An HTTP-date, rounded up to the next whole second so the client never retries early. */
  static String httpDate(Instant at) {
    return HTTP_DATE.format(at.plusNanos(999_999_999).truncatedTo(ChronoUnit.SECONDS));
  }

  /** Whole seconds, rounded up: waiting a little longer than asked is always safe. */
  static long seconds(Duration d) {
    long s = d.getSeconds();
    return d.getNano() > 0 ? s + 1 : s;
  }
}
