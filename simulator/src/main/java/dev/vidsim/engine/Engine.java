package dev.vidsim.engine;

import dev.vidsim.catalog.Catalog;
import dev.vidsim.catalog.ModelSpec;
import dev.vidsim.clock.ScheduledTask;
import dev.vidsim.clock.SimClock;
import dev.vidsim.clock.WallClock;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.faults.Endpoint;
import dev.vidsim.faults.Faults;
import dev.vidsim.faults.RequestFacts;
import dev.vidsim.webhooks.Webhooks;
import java.util.function.Function;
import dev.vidsim.idempotency.IdempotencyStore;
import dev.vidsim.jobs.Job;
import dev.vidsim.jobs.JobStore;
import dev.vidsim.journal.Journal;
import dev.vidsim.ledger.Balance;
import dev.vidsim.ledger.Ledger;
import dev.vidsim.limits.LimitSpec;
import dev.vidsim.money.Money;
import dev.vidsim.random.SimRandom;
import dev.vidsim.scenario.Scenario;
import dev.vidsim.tenants.Account;
import dev.vidsim.tenants.Tenant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole simulated provider for one scenario run: clock, tenants, catalog, ledger, jobs and
 * journal. Not thread-safe: {@link Simulator} serialises every call.
 */
public final class Engine {
  private final Scenario scenario;
  private final SimClock clock;
  private final SimRandom random;
  private final Journal journal;
  private final Ledger ledger;
  private final Catalog catalog;
  private final Map<String, Tenant> tenants = new LinkedHashMap<>();
  private final JobStore jobs = new JobStore(JobStore.DEFAULT_CAPACITY);
  private final Map<String, List<ScheduledTask>> jobTasks = new HashMap<>();
  private final IdempotencyStore<CreateOutcome> keys = new IdempotencyStore<>();
  private final JobRunner runner = new JobRunner(this);
  private final Jobs jobsApi = new Jobs(this);
  private final Faults faults;
  private final Throttle throttle = new Throttle(this);
  private final Gate gate = new Gate(this);
  private final Webhooks webhooks;
  private final SyncWaits syncWaits = new SyncWaits(this);
  private Function<JobView, JsonNode> jobRenderer = DEFAULT_RENDERER;

  /** Without an HTTP layer, events carry a minimal job; VidsimServer installs the wire format. */
  static final Function<JobView, JsonNode> DEFAULT_RENDERER = j -> Journal.fields()
      .put("id", j.id()).put("object", "video").put("model", j.model()).put("status", j.status())
      .put("charged", j.charged().toString());

  public Engine(Scenario scenario, WallClock wall) {
    this.scenario = scenario;
    this.clock = new SimClock(scenario.startTime(), scenario.clock(), scenario.clockFactor(), wall);
    this.random = new SimRandom(scenario.seed());
    this.journal = new Journal(scenario.journalMaxEntries(), scenario.journalMaxAge(), clock);
    this.ledger = new Ledger(e -> journal.append("ledger", Journal.fields()
        .put("tenant", e.tenant()).put("type", e.type().wireName())
        .put("amount", e.amount().toString()).put("job", e.jobId())
        .put("idempotencyKey", e.idempotencyKey()).put("rule", e.rule())));
    this.catalog = new Catalog(scenario.models(), scenario.conditions().catalogChanges(),
        scenario.startTime());
    this.faults = new Faults(random, scenario.startTime());
    scenario.conditions().faults().forEach(faults::add);
    scenario.conditions().accountLimits().forEach(throttle::set);
    this.webhooks = new Webhooks(clock, journal, faults, random, scenario.conditions().webhooks());
    journal.append("scenario_loaded", Journal.fields().put("name", scenario.name())
        .put("seed", scenario.seed()));
    for (Account a : scenario.accounts()) {
      addTenant(new Tenant(a.apiKey(), a.tier(), a.region()), a.balance());
    }
  }

  /** The job operations of the public API (create, get, list, cancel, content). */
  public Jobs jobs() {
    return jobsApi;
  }

  public Tenant authenticate(String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new SimException(ErrorCode.UNAUTHORIZED,
          "missing API key: send it as 'Authorization: Bearer <key>'");
    }
    Tenant t = tenants.get(apiKey);
    if (t == null) {
      throw new SimException(ErrorCode.UNAUTHORIZED, "unknown API key '" + abbreviate(apiKey)
          + "': use a key from the scenario's accounts or create one with POST /_sim/tenants");
    }
    return t;
  }

  /** The tenant with this key, or null (no error: fault rules may name unknown keys). */
  Tenant tenantOrNull(String apiKey) {
    return tenants.get(apiKey);
  }

  private static String abbreviate(String key) {
    return key.length() <= 12 ? key : key.substring(0, 8) + "…";
  }

  public List<ModelSpec> models(String apiKey) {
    Tenant t = authenticate(apiKey);
    return catalog.visibleTo(t.tier(), t.region(), clock.instant());
  }

  public Balance balance(String apiKey) {
    return ledger.balance(authenticate(apiKey).apiKey());
  }

  public Usage usage(String apiKey) {
    return UsageReport.of(this, authenticate(apiKey).apiKey());
  }

  /** Adds a tenant with an opening balance; a null key gets a fresh seeded one. */
  public Tenant createTenant(String apiKey, String tier, String region, Money balance) {
    String key = apiKey != null ? apiKey : "sk-sim-" + random.hexId("tenants", 20);
    if (tenants.containsKey(key)) {
      throw SimException.invalid("apiKey", "a tenant with this key already exists");
    }
    String regionOrDefault = region != null ? region : scenario.models().get(0).regions().get(0);
    return addTenant(new Tenant(key, tier != null ? tier : "free", regionOrDefault), balance);
  }

  private Tenant addTenant(Tenant t, Money balance) {
    tenants.put(t.apiKey(), t);
    journal.append("tenant_created", Journal.fields().put("tenant", t.apiKey())
        .put("tier", t.tier()).put("region", t.region()));
    if (balance.isPositive()) {
      ledger.topUp(t.apiKey(), balance, "opening balance", clock.instant());
    }
    return t;
  }

  /** The tenant with this key, for admin calls: unknown keys are a 404 that says so. */
  public Tenant tenant(String apiKey) {
    Tenant t = tenants.get(apiKey);
    if (t == null) {
      throw new SimException(ErrorCode.NOT_FOUND, "no tenant with key '" + apiKey
          + "'; list them with GET /_sim/tenants");
    }
    return t;
  }

  public void topUp(String apiKey, Money amount) {
    Tenant t = tenant(apiKey);
    if (!amount.isPositive()) throw SimException.invalid("amount", "must be positive");
    ledger.topUp(t.apiKey(), amount, "top-up", clock.instant());
  }

  public List<Tenant> tenants() {
    return List.copyOf(tenants.values());
  }

  public String currency() { return scenario.currency(); }
  public Scenario scenario() { return scenario; }
  public SimClock clock() { return clock; }
  public SimRandom random() { return random; }
  public Journal journal() { return journal; }
  public Ledger ledger() { return ledger; }
  public Catalog catalog() { return catalog; }
  public Faults faults() { return faults; }
  /** Faults and rate limits, checked before a request executes. */
  public Gate gate() { return gate; }

  /** Sets a tenant's own rate limits (on top of the scenario's). */
  public void setLimits(String apiKey, LimitSpec spec) {
    authenticate(apiKey);
    throttle.set(apiKey, spec);
  }

  Throttle limits() { return throttle; }
  SyncWaits syncWaits() { return syncWaits; }
  public Webhooks webhooks() { return webhooks; }

  void setJobRenderer(Function<JobView, JsonNode> renderer) {
    this.jobRenderer = renderer;
  }

  /** The webhook signing secret of the tenant with this key. */
  public String webhookSecret(String apiKey) {
    return webhooks.secret(authenticate(apiKey).apiKey());
  }

  /** This engine is being replaced: let held sync creates answer instead of hanging. */
  void retire() {
    syncWaits.answerAll();
  }

  /** A job reached its final state: answer a waiting sync create, then send its webhook. */
  void jobEnded(Job job) {
    syncWaits.finish(job);
    publishWebhook(job);
  }

  /** Sends the job's final state to its webhook URL (or its tenant's), if it has one. */
  private void publishWebhook(Job job) {
    String url = webhooks.targetFor(job.tenant(), job.webhookUrl());
    if (url == null) return;
    Tenant t = tenants.get(job.tenant());
    String type = switch (job.status()) {
      case SUCCEEDED -> "video.completed";
      case CANCELLED -> "video.cancelled";
      case TIMED_OUT -> "video.timed_out";
      default -> "video.failed";
    };
    var facts = new RequestFacts(Endpoint.WEBHOOK, job.tenant(), job.model(), job.region(),
        t == null ? null : t.tier(), type);
    webhooks.publish(facts, job.id(), url, jobRenderer.apply(jobsApi.view(job)));
  }

  Map<String, Job> jobsById() { return jobs.asMap(); }
  JobStore jobStore() { return jobs; }
  Map<String, List<ScheduledTask>> jobTasks() { return jobTasks; }
  IdempotencyStore<CreateOutcome> keys() { return keys; }
  JobRunner runner() { return runner; }
}
