package dev.vidsim.engine;

import dev.vidsim.aggregator.Aggregators;
import dev.vidsim.catalog.Catalog;
import dev.vidsim.faults.Decision;
import dev.vidsim.faults.RequestFacts;
import dev.vidsim.catalog.ModelSpec;
import dev.vidsim.clock.SimClock;
import dev.vidsim.clock.WallClock;
import dev.vidsim.faults.Faults;
import dev.vidsim.gate.Gate;
import dev.vidsim.jobs.JobSettings;
import dev.vidsim.jobs.Jobs;
import dev.vidsim.jobs.Usage;
import dev.vidsim.jobs.UsageReport;
import dev.vidsim.journal.Journal;
import dev.vidsim.ledger.Balance;
import dev.vidsim.ledger.Ledger;
import dev.vidsim.ledger.LedgerEntry;
import dev.vidsim.metrics.EngineMetrics;
import dev.vidsim.limits.LimitSpec;
import dev.vidsim.limits.RateLimits;
import dev.vidsim.money.Money;
import dev.vidsim.random.SimRandom;
import dev.vidsim.scenario.Scenario;
import dev.vidsim.tenants.Account;
import dev.vidsim.tenants.Tenant;
import dev.vidsim.tenants.Tenants;
import dev.vidsim.webhooks.Webhooks;
import java.util.List;

/**
 * One scenario run, wired: it builds each feature with the collaborators it needs and hands
 * them out. It holds no behaviour of its own. Not thread-safe: {@link Simulator} serialises every
 * call.
 */
public final class Engine {
  private final Scenario scenario;
  private final SimClock clock;
  private final SimRandom random;
  private final Journal journal;
  private final Ledger ledger;
  private final Catalog catalog;
  private final Tenants tenants;
  private final Faults faults;
  private final RateLimits limits;
  private final Webhooks webhooks;
  private final JobEvents events;
  private final Jobs jobs;
  private final Gate gate;
  private final EngineMetrics metrics;
  private final Aggregators aggregators;
  private Recorder recorder = Recorder.NONE;

  public Engine(Scenario scenario, WallClock wall, WebhookShapes shapes) {
    this.scenario = scenario;
    this.clock = new SimClock(scenario.startTime(), scenario.clock(), scenario.clockFactor(), wall);
    this.random = new SimRandom(scenario.seed());
    this.journal = new Journal(scenario.journalMaxEntries(), scenario.journalMaxAge(), clock);
    this.ledger = new Ledger(this::ledgerLine);
    this.catalog = new Catalog(scenario.models(), scenario.conditions().catalogChanges(),
        scenario.startTime());
    this.tenants = new Tenants(ledger, journal, clock, random,
        scenario.models().get(0).regions().get(0));
    this.faults = new Faults(random, scenario.startTime());
    scenario.conditions().faults().forEach(faults::add);
    this.webhooks = new Webhooks(clock, journal, faults, random, scenario.conditions().webhooks());
    this.events = new JobEvents(webhooks, tenants, shapes, clock, journal);
    var settings = new JobSettings(scenario.currency(), scenario.contentTtl(),
        scenario.idempotencyTtl(), scenario.conditions().syncModels(),
        scenario.conditions().keyless(), scenario.maxJobs());
    this.jobs = new Jobs(tenants, catalog, ledger, clock, random, journal, settings,
        webhooks::problem, events);
    events.viewWith(jobs::snapshot);
    this.metrics = new EngineMetrics(id -> jobs.byId().get(id), scenario.currency())
        .watching(journal);
    // the sender gave up on a job's event: the job's record says so (admin, dashboard, expect)
    webhooks.onAbandoned((id, attempts) -> {
      var job = jobs.byId().get(id);
      if (job != null) job.webhookAbandoned(attempts);
    });
    this.limits = new RateLimits(clock, journal, scenario.conditions().limits(), jobs::byId,
        jobs.byTenant());
    scenario.conditions().accountLimits().forEach(limits::set);
    jobs.limitRunningWith(limits::runningMax);
    this.aggregators = new Aggregators(scenario.conditions().aggregators(), catalog);
    jobs.routeWith(aggregators, this::upstreamOutage);
    this.gate = new Gate(faults, limits, tenants, jobs::byId, journal, clock);
    journal.append("scenario_loaded", Journal.fields().put("name", scenario.name())
        .put("seed", scenario.seed()));
    for (Account a : scenario.accounts()) {
      tenants.add(new Tenant(a.apiKey(), a.tier(), a.region()), a.balance());
    }
  }

  /** Every ledger line is journaled and counted (the first one comes after construction). */
  private void ledgerLine(LedgerEntry e) {
    journal.append("ledger", Journal.fields()
        .put("tenant", e.tenant()).put("type", e.type().wireName())
        .put("amount", e.amount().toString()).put("job", e.jobId())
        .put("idempotencyKey", e.idempotencyKey()).put("rule", e.rule()));
    metrics.ledger(e);
  }

  /**
   * Runs a state-changing command, written down first when the simulator keeps a durable log
   * (the recorder may refuse it, e.g. when that log is full). Call it under the simulator's lock.
   */
  public <T> T run(Command<T> command) {
    recorder.record(command);
    return command.apply(this);
  }

  void recordWith(Recorder recorder) {
    this.recorder = recorder;
  }

  /** The job operations every dialect maps onto (create, get, list, cancel, content). */
  public Jobs jobs() { return jobs; }
  /** Faults and rate limits, checked before a request executes. */
  public Gate gate() { return gate; }
  public Tenants tenants() { return tenants; }

  public Tenant authenticate(String apiKey) {
    return tenants.authenticate(apiKey);
  }

  /** The models this key may use now (its tier and region). */
  public List<ModelSpec> models(String apiKey) {
    Tenant t = tenants.authenticate(apiKey);
    return catalog.visibleTo(t.tier(), t.region(), clock.instant());
  }

  /**
   * An aggregator dialect's models this key may reach now, each with its upstreams; with no key
   * (a public catalog), every model with an upstream still on offer anywhere.
   */
  public List<Aggregators.Offer> aggregatedModels(String apiKey, String dialect) {
    if (apiKey == null) return aggregators.offers(dialect, null, null, clock.instant());
    Tenant t = tenants.authenticate(apiKey);
    return aggregators.offers(dialect, t.tier(), t.region(), clock.instant());
  }

  /** The fault rules that fire for an aggregator's attempt on one upstream (its outage). */
  private Decision upstreamOutage(RequestFacts facts) {
    Decision d = faults.evaluate(facts, clock.instant());
    if (!d.isNone()) {
      journal.append("fault", Journal.fields().put("endpoint", "create")
          .put("tenant", facts.tenant()).put("upstream", facts.upstream())
          .put("rules", String.join(",", d.fired())));
    }
    return d;
  }

  public Balance balance(String apiKey) {
    return ledger.balance(tenants.authenticate(apiKey).apiKey());
  }

  public Usage usage(String apiKey) {
    return UsageReport.of(ledger, jobs.byId().values(), currency(),
        tenants.authenticate(apiKey).apiKey());
  }

  /** Adds a tenant with an opening balance; a null key gets a fresh seeded one. */
  public Tenant createTenant(String apiKey, String tier, String region, Money balance) {
    return tenants.create(apiKey, tier, region, balance);
  }

  /** The tenant with this key, for admin calls: unknown keys are a 404 that says so. */
  public Tenant tenant(String apiKey) {
    return tenants.require(apiKey);
  }

  public void topUp(String apiKey, Money amount) {
    tenants.topUp(apiKey, amount);
  }

  public List<Tenant> tenantList() {
    return tenants.all();
  }

  /** Sets a tenant's own rate limits (on top of the scenario's). */
  public void setLimits(String apiKey, LimitSpec spec) {
    tenants.authenticate(apiKey);
    limits.set(apiKey, spec);
  }

  /** The rate and job limits this key works under (the scenario's, with its own on top). */
  public LimitSpec limits(String apiKey) {
    return limits.spec(tenants.authenticate(apiKey).apiKey());
  }

  /** Jobs this key created since midnight UTC (simulated), by model: what createsPerDay caps. */
  public java.util.Map<String, Integer> createsToday(String apiKey) {
    return jobs.byTenant().createdToday(tenants.authenticate(apiKey).apiKey(), clock.instant());
  }

  /** The webhook signing secret of the tenant with this key. */
  public String webhookSecret(String apiKey) {
    return webhooks.secret(tenants.authenticate(apiKey).apiKey());
  }

  /** The public half of the Ed25519 key webhooks are signed with where a provider does so. */
  public WebhookKey webhookPublicKey() {
    var key = webhooks.ed25519();
    return new WebhookKey(key.keyId(), key.publicKey());
  }

  public String currency() { return scenario.currency(); }
  public Scenario scenario() { return scenario; }
  public SimClock clock() { return clock; }
  public SimRandom random() { return random; }
  public Journal journal() { return journal; }
  public Ledger ledger() { return ledger; }
  public Catalog catalog() { return catalog; }
  public Faults faults() { return faults; }
  public Webhooks webhooks() { return webhooks; }
  public EngineMetrics metrics() { return metrics; }

  /** This engine is being replaced: let held sync creates answer instead of hanging. */
  void retire() {
    jobs.retire();
  }
}
