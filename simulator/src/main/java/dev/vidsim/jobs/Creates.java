package dev.vidsim.jobs;

import dev.vidsim.catalog.Catalog;
import dev.vidsim.catalog.ModelSpec;
import dev.vidsim.clock.SimClock;
import dev.vidsim.errors.SimException;
import dev.vidsim.faults.JobOutcome;
import dev.vidsim.idempotency.IdempotencyStore;
import dev.vidsim.journal.Journal;
import dev.vidsim.tenants.Tenant;
import dev.vidsim.tenants.Tenants;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A create: validated against the catalog (or routed by an aggregator's pool), made once per
 * Idempotency-Key (a replay answers the first outcome, a failure included), held for sync models.
 */
final class Creates {
  private final Tenants tenants;
  private final Catalog catalog;
  private final SimClock clock;
  private final Journal journal;
  private final JobSettings settings;
  private final IdempotencyStore<CreateOutcome> keys;
  private final JobRunner runner;
  private final SyncWaits syncWaits;
  private final JobViews views;
  /** Why a webhook URL may not be used, or null when it may. */
  private final UnaryOperator<String> webhookUrlProblem;
  private final KeyWindows windows;
  private Routing routing;

  Creates(Tenants tenants, Catalog catalog, SimClock clock, Journal journal,
          JobSettings settings, IdempotencyStore<CreateOutcome> keys, JobRunner runner,
          SyncWaits syncWaits, JobViews views, UnaryOperator<String> webhookUrlProblem) {
    this.tenants = tenants;
    this.catalog = catalog;
    this.clock = clock;
    this.journal = journal;
    this.settings = settings;
    this.keys = keys;
    this.runner = runner;
    this.syncWaits = syncWaits;
    this.views = views;
    this.webhookUrlProblem = webhookUrlProblem;
    this.windows = new KeyWindows(clock, settings.idempotencyTtl(), (tenant, key) -> {
      if (keys.expire(tenant, key)) {
        journal.append("idempotency_key_expired", Journal.fields()
            .put("tenant", tenant).put("idempotencyKey", key));
      }
    });
  }

  void routeWith(Routing newRouting) {
    this.routing = newRouting;
  }

  JobView create(String apiKey, CreateRequest req, String idempotencyKey,
                        JobOutcome outcome) {
    Tenant t = tenants.authenticate(apiKey);
    // a request that already ran answers as it did, even if the catalog changed since (a model
    // removed after the create whose answer was lost must not strand the job it made)
    CreateOutcome settled = idempotencyKey == null ? null
        : keys.settled(t.apiKey(), idempotencyKey, req.fingerprint());
    if (settled != null) return replay(t, idempotencyKey, settled);
    var aggregator = routing == null ? null : routing.servedBy(req.dialect());
    Supplier<Job> make;
    String modelId;
    if (aggregator != null) {
      var pool = Routing.pool(aggregator, req.model());
      modelId = pool.id();
      make = () -> routing.run(t, aggregator, pool, req, idempotencyKey, outcome);
    } else {
      ModelSpec m = CreateValidation.model(catalog, clock.instant(), t, req.model());
      var spec = CreateValidation.spec(t, m, req);
      modelId = m.id();
      make = () -> runner.create(t, m, req, spec, idempotencyKey, outcome);
    }
    if (req.webhookUrl() != null) {
      String problem = webhookUrlProblem.apply(req.webhookUrl());
      if (problem != null) throw SimException.invalid("webhookUrl", problem);
    }
    if (idempotencyKey != null) CreateValidation.key(idempotencyKey);
    boolean keyless = idempotencyKey != null && settings.keyless().contains(modelId);
    if (keyless) {
      // a provider without idempotency: the key is kept on the job, and nothing is replayed
      journal.append("idempotency_ignored", Journal.fields().put("tenant", t.apiKey())
          .put("idempotencyKey", idempotencyKey).put("model", modelId));
    }
    if (idempotencyKey == null || keyless) {
      Job job = make.get();
      syncIfNeeded(job, null);
      return views.of(job);
    }
    var begin = keys.begin(t.apiKey(), idempotencyKey, req.fingerprint(), clock.instant());
    if (begin instanceof IdempotencyStore.Replay<CreateOutcome> replay) {
      return replay(t, idempotencyKey, replay.outcome());
    }
    if (begin instanceof IdempotencyStore.Mismatch<CreateOutcome>) {
      throw CreateValidation.keyReused(idempotencyKey);
    }
    if (begin instanceof IdempotencyStore.InFlight<CreateOutcome>) {
      throw CreateValidation.keyInFlight(idempotencyKey);
    }
    return createOnce(t, make, idempotencyKey);
  }

  private JobView replay(Tenant t, String idempotencyKey, CreateOutcome outcome) {
    journal.append("idempotent_replay", Journal.fields().put("tenant", t.apiKey())
        .put("idempotencyKey", idempotencyKey));
    return outcome.orThrow();
  }

  private JobView createOnce(Tenant t, Supplier<Job> make, String key) {
    CreateOutcome result;
    boolean deferred = false;
    try {
      Job job = make.get();
      deferred = syncIfNeeded(job, key);
      result = new CreateOutcome(views.of(job), null);
    } catch (SimException e) {
      result = new CreateOutcome(null, e);
    }
    if (!deferred) keys.complete(t.apiKey(), key, result);
    windows.opened(t.apiKey(), key);
    return result.orThrow();
  }

  /** A sync model's create waits: the key stays in flight until the answer. */
  private boolean syncIfNeeded(Job job, String key) {
    var limit = settings.syncModels().get(job.model());
    if (limit == null) return false;
    syncWaits.begin(job, key, limit);
    return true;
  }
}
