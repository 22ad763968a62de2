package dev.vidsim.engine;

import dev.vidsim.catalog.ModelSpec;
import dev.vidsim.faults.JobOutcome;
import dev.vidsim.idempotency.IdempotencyStore;
import dev.vidsim.jobs.Job;
import dev.vidsim.jobs.JobStatus;
import dev.vidsim.journal.Journal;
import dev.vidsim.ledger.EntryType;
import dev.vidsim.ledger.InsufficientFundsException;
import dev.vidsim.ledger.LedgerEntry;
import dev.vidsim.money.Money;
import dev.vidsim.pricing.FailureKind;
import dev.vidsim.tenants.Tenant;
import java.util.List;
import java.util.Map;

/** The job operations of the public API, in engine terms. */
public final class Jobs {
  /** Largest page a list returns. */
  public static final int PAGE_SIZE_MAX = 100;
  private final Engine world;

  Jobs(Engine world) {
    this.world = world;
  }

  public JobView create(String apiKey, CreateRequest req, String idempotencyKey) {
    return create(apiKey, req, idempotencyKey, null);
  }

  /** @param outcome how the job ends, from a fault rule; null: as its model's latency says */
  public JobView create(String apiKey, CreateRequest req, String idempotencyKey,
                        JobOutcome outcome) {
    Tenant t = world.authenticate(apiKey);
    ModelSpec m = CreateValidation.model(world, t, req.model());
    var spec = CreateValidation.spec(t, m, req);
    if (req.webhookUrl() != null) {
      String problem = world.webhooks().problem(req.webhookUrl());
      if (problem != null) throw SimException.invalid("webhookUrl", problem);
    }
    if (idempotencyKey == null) {
      Job job = world.runner().create(t, m, req, spec, null, outcome);
      syncIfNeeded(job, null);
      return view(job);
    }
    CreateValidation.key(idempotencyKey);
    var keys = world.keys();
    var begin = keys.begin(t.apiKey(), idempotencyKey, req.fingerprint(), world.clock().instant());
    if (begin instanceof IdempotencyStore.Replay<CreateOutcome> replay) {
      world.journal().append("idempotent_replay", Journal.fields().put("tenant", t.apiKey())
          .put("idempotencyKey", idempotencyKey));
      return replay.outcome().orThrow();
    }
    if (begin instanceof IdempotencyStore.Mismatch<CreateOutcome>) {
      throw new SimException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '"
          + idempotencyKey + "' was first used with a different request body; use a new key for"
          + " a new generation", Map.of("field", "Idempotency-Key"));
    }
    if (begin instanceof IdempotencyStore.InFlight<CreateOutcome>) {
      throw new SimException(ErrorCode.IDEMPOTENCY_IN_FLIGHT, "a request with Idempotency-Key '"
          + idempotencyKey + "' is still in progress; retry after it completes");
    }
    return createOnce(t, m, req, spec, idempotencyKey, outcome);
  }

  private JobView createOnce(Tenant t, ModelSpec m, CreateRequest req,
                             dev.vidsim.pricing.JobSpec spec, String key, JobOutcome outcome) {
    CreateOutcome result;
    boolean deferred = false;
    try {
      Job job = world.runner().create(t, m, req, spec, key, outcome);
      deferred = syncIfNeeded(job, key);
      result = new CreateOutcome(view(job), null);
    } catch (SimException e) {
      result = new CreateOutcome(null, e);
    }
    if (!deferred) world.keys().complete(t.apiKey(), key, result);
    world.clock().scheduleAfter(world.scenario().idempotencyTtl(), "expire key " + key, () -> {
      if (world.keys().expire(t.apiKey(), key)) {
        world.journal().append("idempotency_key_expired", Journal.fields()
            .put("tenant", t.apiKey()).put("idempotencyKey", key));
      }
    });
    return result.orThrow();
  }

  /** A sync model's create waits: the key stays in flight until the answer. */
  private boolean syncIfNeeded(Job job, String key) {
    var limit = world.syncWaits().limitFor(job.model());
    if (limit == null) return false;
    world.syncWaits().begin(job, key, limit);
    return true;
  }

  /**
   * For a synchronous model: the answer its create waits for (the job once ended, or as it is
   * when the wait limit passes); null for other models or once answered.
   */
  public java.util.concurrent.CompletableFuture<JobView> syncAnswer(String id) {
    return world.syncWaits().answerFor(id);
  }

  /** The job as it is now, without a poll fee (for answers the server itself sends). */
  public JobView snapshot(String id) {
    Job job = world.jobsById().get(id);
    if (job == null) throw new SimException(ErrorCode.NOT_FOUND, "no job " + id);
    return view(job);
  }

  /** A status poll: charges the model's poll fee when it has one. */
  public JobView get(String apiKey, String id) {
    Job job = owned(apiKey, id);
    Money fee = job.pricing().pollFee();
    if (fee.isPositive()) {
      try {
        world.ledger().charge(job.tenant(), fee, job.id(), job.idempotencyKey(), "poll fee",
            world.clock().instant());
      } catch (InsufficientFundsException e) {
        throw new SimException(ErrorCode.INSUFFICIENT_BALANCE, "insufficient balance for the "
            + fee + " poll fee of model " + job.model() + "; top up or poll less often");
      }
    }
    return view(job);
  }

  public JobView cancel(String apiKey, String id) {
    Job job = owned(apiKey, id);
    if (job.status().isTerminal()) {
      throw new SimException(ErrorCode.JOB_NOT_CANCELLABLE, "job " + id + " is "
          + job.status().wireName() + "; only queued or in_progress jobs can be cancelled");
    }
    world.runner().fail(job, FailureKind.CANCEL, "cancelled by the client");
    return view(job);
  }

  /** Ends a running job as a failure of the given kind (admin, faults). */
  public JobView fail(String id, FailureKind kind, String message) {
    Job job = world.jobsById().get(id);
    if (job == null) throw new SimException(ErrorCode.NOT_FOUND, "no job " + id);
    if (job.status().isTerminal()) {
      throw new SimException(ErrorCode.JOB_NOT_CANCELLABLE, "job " + id + " is already "
          + job.status().wireName());
    }
    world.runner().fail(job, kind, message);
    return view(job);
  }

  /** The video of a succeeded job, or why there is none. */
  public JobView content(String apiKey, String id) {
    Job job = owned(apiKey, id);
    if (job.status() == JobStatus.SUCCEEDED) return view(job);
    if (job.status() == JobStatus.EXPIRED) {
      throw new SimException(ErrorCode.CONTENT_EXPIRED, "the content of job " + id
          + " expired at " + job.expiresAt() + "; generate it again");
    }
    String why = job.status().isTerminal() ? "it ended " + job.status().wireName()
        + " and has no content" : "it is " + job.status().wireName() + " ("
        + job.progress(world.clock().instant()) + "%); poll until it succeeds";
    throw new SimException(ErrorCode.JOB_NOT_READY, "job " + id + " has no content yet: " + why);
  }

  public JobPage list(String apiKey, String status, String idempotencyKey, int limit,
                      String after) {
    Tenant t = world.authenticate(apiKey);
    if (limit < 1 || limit > PAGE_SIZE_MAX) {
      throw SimException.invalid("limit", "must be between 1 and " + PAGE_SIZE_MAX);
    }
    JobStatus wanted = status == null ? null : CreateValidation.status(status);
    List<Job> mine = new java.util.ArrayList<>(world.jobsById().values().stream()
        .filter(j -> j.tenant().equals(t.apiKey()))
        .filter(j -> wanted == null || j.status() == wanted)
        .filter(j -> idempotencyKey == null || idempotencyKey.equals(j.idempotencyKey()))
        .toList());
    java.util.Collections.reverse(mine);
    int start = 0;
    if (after != null) {
      start = indexOf(mine, after) + 1;
      if (start == 0) throw SimException.invalid("after", "no job " + after + " in this list");
    }
    List<Job> page = mine.subList(start, Math.min(mine.size(), start + limit));
    return new JobPage(page.stream().map(this::view).toList(), start + page.size() < mine.size());
  }

  private static int indexOf(List<Job> jobs, String id) {
    for (int i = 0; i < jobs.size(); i++) if (jobs.get(i).id().equals(id)) return i;
    return -1;
  }

  public List<JobView> all() {
    return world.jobsById().values().stream().map(this::view).toList();
  }

  /** The API key that owns a job, or null. */
  public String tenantOf(String id) {
    Job job = world.jobsById().get(id);
    return job == null ? null : job.tenant();
  }

  private Job owned(String apiKey, String id) {
    Tenant t = world.authenticate(apiKey);
    Job job = world.jobsById().get(id);
    if (job == null || !job.tenant().equals(t.apiKey())) {
      throw new SimException(ErrorCode.NOT_FOUND, "no video job '" + id
          + "' for this API key; list yours with GET /v1/videos", Map.of("field", "id"));
    }
    return job;
  }

  JobView view(Job j) {
    Money charged = Money.ZERO;
    for (LedgerEntry e : world.ledger().entriesForJob(j.tenant(), j.id())) {
      if (e.type() == EntryType.CHARGE
          || e.type() == EntryType.CAPTURE) charged = charged.plus(e.amount());
      if (e.type() == EntryType.REFUND) charged = charged.minus(e.amount());
    }
    return new JobView(j.id(), j.model(), j.spec().mode(), j.status().wireName(),
        j.progress(world.clock().instant()), j.prompt(), j.spec().seconds(), j.spec().resolution(),
        j.region(), j.createdAt(), j.completedAt(), j.expiresAt(), j.quote(),
        j.pricing().billOn().wireName(), charged, world.currency(), j.idempotencyKey(),
        j.failure() == null ? null : j.failure().wireName(), j.errorMessage());
  }

  /** One page of a job list, newest first. */
  public record JobPage(List<JobView> data, boolean hasMore) {}
}
