package dev.vidsim.jobs;

import dev.vidsim.catalog.Catalog;
import dev.vidsim.clock.SimClock;
import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.faults.JobOutcome;
import dev.vidsim.idempotency.IdempotencyStore;
import dev.vidsim.journal.Journal;
import dev.vidsim.ledger.Ledger;
import dev.vidsim.pricing.FailureKind;
import dev.vidsim.tenants.Tenant;
import dev.vidsim.tenants.Tenants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/** The job operations every dialect maps onto: create, get, list, cancel, content. */
public final class Jobs {
  public static final int PAGE_SIZE_MAX = JobPages.PAGE_SIZE_MAX; // largest page of a list
  private final Tenants tenants;
  private final SimClock clock;
  private final Journal journal;
  private final JobStore store;
  private final JobViews views;
  private final JobRunner runner;
  private final SyncWaits syncWaits;
  private final IdempotencyStore<CreateOutcome> keys = new IdempotencyStore<>();
  private final Creates creates;

  /**
   * @param lifecycle told when a job starts rendering and once it reaches its final state
   *                  (after any sync create is answered)
   */
  public Jobs(Tenants tenants, Catalog catalog, Ledger ledger, SimClock clock,
              dev.vidsim.random.SimRandom random, Journal journal, JobSettings settings,
              UnaryOperator<String> webhookUrlProblem, JobLifecycle lifecycle) {
    this.tenants = tenants;
    this.clock = clock;
    this.journal = journal;
    this.store = new JobStore(settings.maxJobs());
    this.views = new JobViews(ledger, clock, settings.currency(), store);
    this.syncWaits = new SyncWaits(clock, journal, keys, views);
    this.runner = new JobRunner(clock, random, journal, ledger, store, settings,
        lifecycle.endingFirst(syncWaits::finish));
    this.creates = new Creates(tenants, catalog, clock, journal, settings, keys, runner,
        syncWaits, views, webhookUrlProblem);
  }

  public JobView create(String apiKey, CreateRequest req, String key) {
    return create(apiKey, req, key, null);
  }

  /**
   * @param outcome how the job ends, from a fault rule; null: as its model's latency says. On an
   *                aggregator's dialect the model names a pool: see {@link Routing}.
   */
  public JobView create(String apiKey, CreateRequest req, String idempotencyKey,
                        JobOutcome outcome) {
    return creates.create(apiKey, req, idempotencyKey, outcome);
  }

  /**
   * For a synchronous model: the answer its create waits for (the job once ended, or as it is
   * when the wait limit passes); null for other models or once answered.
   */
  public CompletableFuture<JobView> syncAnswer(String id) {
    return syncWaits.answerFor(id);
  }

  /** The job as it is now, without a poll fee (for answers the server itself sends). */
  public JobView snapshot(String id) {
    Job job = store.asMap().get(id);
    if (job == null) throw new SimException(ErrorCode.NOT_FOUND, "no job " + id);
    return views.of(job);
  }

  /** A status poll: charges the model's poll fee when it has one. */
  public JobView get(String apiKey, String id) {
    Job job = owned(apiKey, id);
    runner.chargePollFee(job);
    return views.of(job);
  }

  public JobView cancel(String apiKey, String id) {
    Job job = owned(apiKey, id);
    if (job.status().isTerminal()) {
      throw new SimException(ErrorCode.JOB_NOT_CANCELLABLE, "job " + id + " is "
          + job.status().wireName() + "; only queued or in_progress jobs can be cancelled");
    }
    runner.fail(job, FailureKind.CANCEL, "cancelled by the client");
    return views.of(job);
  }

  /**
   * Deletes a job for its owner: a job still running is cancelled first (settled by the cancel
   * policy); afterwards it is gone from gets and lists, while its ledger lines stay.
   */
  public JobView delete(String apiKey, String id) {
    Job job = owned(apiKey, id);
    if (!job.status().isTerminal()) runner.fail(job, FailureKind.CANCEL, "deleted by the client");
    job.markDeleted();
    journal.append("job_deleted", Journal.fields().put("job", id).put("tenant", job.tenant()));
    return views.of(job);
  }

  /** The caller's own job as it is now, without a poll fee (a remix reads its source). */
  public JobView source(String apiKey, String id) {
    return views.of(owned(apiKey, id));
  }

  /** Ends a running job as a failure of the given kind (admin, faults). */
  public JobView fail(String id, FailureKind kind, String message) {
    Job job = store.asMap().get(id);
    if (job == null) throw new SimException(ErrorCode.NOT_FOUND, "no job " + id);
    if (job.status().isTerminal()) {
      throw new SimException(ErrorCode.JOB_NOT_CANCELLABLE, "job " + id + " is already "
          + job.status().wireName());
    }
    runner.fail(job, kind, message);
    return views.of(job);
  }

  /** The video of a succeeded job, or why there is none. */
  public JobView content(String apiKey, String id) {
    Job job = owned(apiKey, id);
    if (job.status() == JobStatus.SUCCEEDED) return views.of(job);
    if (job.status() == JobStatus.EXPIRED) {
      throw new SimException(ErrorCode.CONTENT_EXPIRED, "the content of job " + id
          + " expired at " + job.expiresAt() + "; generate it again");
    }
    String why = job.status().isTerminal() ? "it ended " + job.status().wireName()
        + " and has no content" : "it is " + job.status().wireName() + " ("
        + job.progress(clock.instant()) + "%); poll until it succeeds";
    throw new SimException(ErrorCode.JOB_NOT_READY, "job " + id + " has no content yet: " + why);
  }

  /** A page of the caller's jobs of every dialect, newest first: vidsim's own /v1 view. */
  public JobPage list(String apiKey, String status, String idempotencyKey, int limit,
                      String after) {
    JobStatus wanted = status == null ? null : CreateValidation.status(status);
    // a key whose create is still being answered (a held sync create) has no outcome yet: its
    // lookup finds nothing, as the create with it answers 409 in flight
    if (idempotencyKey != null && keys.inFlight(apiKey, idempotencyKey)) {
      return new JobPage(List.of(), false);
    }
    return page(apiKey, new JobPages.Filter(null, wanted, idempotencyKey), limit, after, false);
  }

  /**
   * One page of the caller's jobs created through {@code dialect}, newest first (or oldest
   * first): a provider lists only its own jobs, never those created through another dialect.
   */
  public JobPage listOwn(String apiKey, String dialect, int limit, String after,
                         boolean oldestFirst) {
    java.util.Objects.requireNonNull(dialect, "dialect");
    return page(apiKey, new JobPages.Filter(dialect, null, null), limit, after, oldestFirst);
  }

  private JobPage page(String apiKey, JobPages.Filter filter, int limit, String after,
                       boolean oldestFirst) {
    String tenant = tenants.authenticate(apiKey).apiKey();
    List<Job> page = JobPages.page(store.asMap().values(), tenant, filter, limit, after,
        oldestFirst);
    boolean more = JobPages.hasMore(store.asMap().values(), tenant, filter, page, oldestFirst);
    return new JobPage(page.stream().map(views::of).toList(), more);
  }

  /**
   * Holds a request until the caller's job ends or {@code limit} of simulated time passes, then
   * answers the job as it is (e.g. Replicate's {@code Prefer: wait=n}). A finished job answers
   * at once; nobody waiting changes nothing about the job.
   */
  public CompletableFuture<JobView> awaitEnd(String apiKey, String id, Duration limit) {
    Job job = owned(apiKey, id);
    if (job.status().isTerminal()) return CompletableFuture.completedFuture(views.of(job));
    return syncWaits.watch(job, limit);
  }

  /** Creates on an aggregator's dialect route to its pools' upstreams (see {@link Routing}). */
  public void routeWith(dev.vidsim.aggregator.Aggregators aggregators,
                        java.util.function.Function<dev.vidsim.faults.RequestFacts,
                            dev.vidsim.faults.Decision> outages) {
    creates.routeWith(new Routing(aggregators, outages, clock, journal, runner));
  }

  /** A tenant's render slots when its jobs over the limit wait queued (null: they don't). */
  public void limitRunningWith(java.util.function.Function<String, Integer> runningMax) {
    runner.slots.limitWith(runningMax);
  }

  /** Cancels the caller's job if unfinished {@code after} its create (Cancel-After). */
  public void cancelAfter(String apiKey, String id, Duration after) {
    Job job = owned(apiKey, id);
    if (!job.status().isTerminal()) runner.deadline(job, after);
  }

  /** How many of the owner's jobs created before this one are still queued (0: next). */
  public int queuedAhead(String apiKey, String id) {
    return store.queuedAhead(owned(apiKey, id));
  }

  /** Queued only because its tenant's render slots are full (Runway shows it THROTTLED). */
  public boolean waitsForSlot(String apiKey, String id) {
    return runner.slots.waiting(owned(apiKey, id));
  }

  /** A succeeded job's video by its keyless URL, as providers serve outputs; else 404. */
  public JobView delivered(String id) {
    return views.of(JobPages.delivered(store.asMap().get(id), id));
  }

  public List<JobView> all() {
    return store.asMap().values().stream().map(views::of).toList();
  }

  /** The API key that owns a job, or null. */
  public String tenantOf(String id) {
    return store.asMap().containsKey(id) ? store.asMap().get(id).tenant() : null;
  }

  private Job owned(String apiKey, String id) {
    Tenant t = tenants.authenticate(apiKey);
    Job job = store.asMap().get(id);
    if (job == null || !job.tenant().equals(t.apiKey()) || job.deleted()) throw noJob(id);
    return job;
  }

  /**
   * A provider knows only the jobs made through its own API: through another dialect's path a
   * job is answered exactly as one that does not exist. vidsim's own API sees every job.
   */
  public void requireMadeThrough(String apiKey, String id, String dialect) {
    Job job = store.asMap().get(id);
    if (job != null && job.tenant().equals(apiKey) && !CreateRequest.VIDSIM.equals(dialect)
        && !job.dialect().equals(dialect)) {
      throw noJob(id);
    }
  }

  private static SimException noJob(String id) {
    return new SimException(ErrorCode.NOT_FOUND, "no video job '" + id
        + "' for this API key; list your jobs to find it", Map.of("field", "id"));
  }

  /** Every job still in the store, in creation order (read-only). */
  public Map<String, Job> byId() { return store.asMap(); }
  public TenantJobs byTenant() { return store.byTenant(); }

  public JobStore store() { return store; }

  /**
   * Requests held right now until a job ends or their wait passes (sync creates, waits): on a
   * virtual clock they answer only once someone moves the clock.
   */
  public int heldRequests() {
    return syncWaits.held();
  }

  /** This run is being replaced: let held sync creates answer instead of hanging. */
  public void retire() {
    syncWaits.answerAll();
  }

  /** One page of a job list, newest first. */
  public record JobPage(List<JobView> data, boolean hasMore) {}
}
