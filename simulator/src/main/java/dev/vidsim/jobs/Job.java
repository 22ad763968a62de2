package dev.vidsim.jobs;

import dev.vidsim.ledger.Ledger;
import dev.vidsim.pricing.FailureKind;
import dev.vidsim.pricing.JobSpec;
import dev.vidsim.pricing.Pricing;
import dev.vidsim.pricing.Quote;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A generation job. Its status only changes through {@link #moveTo}, which rejects every move the
 * state machine forbids, so an illegal status sequence cannot be constructed.
 */
public final class Job {
  private final String id;
  private final String tenant;
  private final String model;
  private final String region;
  private final String prompt;
  private final JobSpec spec;
  private final Quote quote;
  private final Pricing pricing;
  private final String idempotencyKey;
  private final String webhookUrl;
  private final Instant createdAt;
  private String dialect = CreateRequest.VIDSIM;
  private java.util.Map<String, String> attributes = java.util.Map.of();
  private final List<Transition> history = new ArrayList<>(4); // a job moves 2 to 4 times
  private JobStatus status = JobStatus.QUEUED;
  private Instant renderStartsAt;
  private Instant renderEndsAt;
  private Instant completedAt;
  private Instant expiresAt;
  private FailureKind failure;
  private String errorMessage;
  private boolean held;
  /** Its number among its tenant's jobs, in creation order (see QueuePositions). */
  private long queueOrdinal;
  private boolean deleted;
  private int webhookAttemptsAbandoned;
  private dev.vidsim.aggregator.Route route;

  public Job(String id, String tenant, String model, String region, String prompt, JobSpec spec,
             Quote quote, Pricing pricing, String idempotencyKey, String webhookUrl,
             Instant createdAt) {
    this.id = id;
    this.tenant = tenant;
    this.model = model;
    this.region = region;
    this.prompt = prompt;
    this.spec = spec;
    this.quote = quote;
    this.pricing = pricing;
    this.idempotencyKey = idempotencyKey;
    this.webhookUrl = webhookUrl;
    this.createdAt = createdAt;
  }

  /** The wire format it was created through, and that dialect's own create options. */
  public Job createdThrough(String dialect, java.util.Map<String, String> attributes) {
    this.dialect = dialect;
    this.attributes = java.util.Map.copyOf(attributes);
    return this;
  }

  /** An aggregator ran it: which upstream, after which attempts (null: created directly). */
  public Job routedBy(dev.vidsim.aggregator.Route newRoute) {
    this.route = newRoute;
    return this;
  }

  public dev.vidsim.aggregator.Route route() { return route; }

  public Transition moveTo(JobStatus target, Instant at, String reason) {
    if (!status.canMoveTo(target)) {
      throw new IllegalTransitionException(id, status, target);
    }
    Transition t = new Transition(status, target, at, reason);
    history.add(t);
    status = target;
    if (target.isTerminal() && target != JobStatus.EXPIRED) {
      completedAt = at;
    }
    return t;
  }

  /** Render progress 0..100 derived from the clock, never stored. */
  public int progress(Instant now) {
    return switch (status) {
      case QUEUED -> 0;
      case SUCCEEDED, EXPIRED -> 100;
      case FAILED, TIMED_OUT, CANCELLED -> lastProgress();
      case IN_PROGRESS -> renderPercent(now);
    };
  }

  private int lastProgress() {
    return completedAt == null || renderStartsAt == null ? 0 : renderPercent(completedAt);
  }

  private int renderPercent(Instant at) {
    if (renderStartsAt == null || renderEndsAt == null || at.isBefore(renderStartsAt)) {
      return 0;
    }
    long total = Duration.between(renderStartsAt, renderEndsAt).toMillis();
    long done = Duration.between(renderStartsAt, at).toMillis();
    return total <= 0 ? 99 : (int) Math.min(99, done * 100 / total);
  }

  public void planRender(Instant startsAt, Instant endsAt) {
    this.renderStartsAt = startsAt;
    this.renderEndsAt = endsAt;
  }

  public void fail(FailureKind kind, String message) {
    this.failure = kind;
    this.errorMessage = message;
  }

  public void setExpiresAt(Instant expiresAt) {
    this.expiresAt = expiresAt;
  }

  /** Credit is held for it ({@link Ledger#hold}): its hold id is made from its id. */
  public void markHeld() {
    this.held = true;
  }

  public String id() { return id; }
  public String tenant() { return tenant; }
  public String model() { return model; }
  public String region() { return region; }
  public String prompt() { return prompt; }
  public JobSpec spec() { return spec; }
  public Quote quote() { return quote; }
  /** The price list the job was created under, even if its model is later removed. */
  public Pricing pricing() { return pricing; }
  public String idempotencyKey() { return idempotencyKey; }
  public String webhookUrl() { return webhookUrl; }
  public Instant createdAt() { return createdAt; }
  public JobStatus status() { return status; }
  public Instant completedAt() { return completedAt; }
  public Instant expiresAt() { return expiresAt; }
  public Instant renderEndsAt() { return renderEndsAt; }
  public FailureKind failure() { return failure; }
  public String errorMessage() { return errorMessage; }
  /** Null when nothing was held for it. */
  public String holdId() { return held ? Ledger.holdIdOf(id) : null; }

  long queueOrdinal() { return queueOrdinal; }

  void setQueueOrdinal(long ordinal) { this.queueOrdinal = ordinal; }
  public String dialect() { return dialect; }
  /** Deleted by its owner: gone from gets and lists; its ledger lines stay. */
  public boolean deleted() { return deleted; }

  public void markDeleted() {
    this.deleted = true;
  }

  /** The webhook sender gave up on this job's event after this many attempts (0: it did not). */
  public int webhookAbandonedAfter() { return webhookAttemptsAbandoned; }

  public void webhookAbandoned(int attempts) {
    this.webhookAttemptsAbandoned = attempts;
  }

  public java.util.Map<String, String> attributes() { return attributes; }

  /** When the job left the queue and started rendering, or null if it never did. */
  public Instant startedAt() {
    for (Transition t : history) if (t.to() == JobStatus.IN_PROGRESS) return t.at();
    return null;
  }
  public List<Transition> history() { return List.copyOf(history); }
}
