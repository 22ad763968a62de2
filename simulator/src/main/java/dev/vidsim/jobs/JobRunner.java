package dev.vidsim.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.catalog.ModelSpec;
import dev.vidsim.clock.ScheduledTask;
import dev.vidsim.clock.SimDuration;
import dev.vidsim.faults.JobOutcome;
import dev.vidsim.clock.SimClock;
import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.journal.Journal;
import dev.vidsim.ledger.Ledger;
import dev.vidsim.random.SimRandom;
import java.util.HashMap;
import dev.vidsim.ledger.InsufficientFundsException;
import dev.vidsim.money.Money;
import dev.vidsim.pricing.FailureKind;
import dev.vidsim.pricing.JobSpec;
import dev.vidsim.pricing.PriceCalculator;
import dev.vidsim.pricing.Quote;
import dev.vidsim.pricing.Settlement;
import dev.vidsim.pricing.Shared;
import dev.vidsim.tenants.Tenant;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Creates jobs, drives them through their lifecycle on the clock, and settles their money. */
final class JobRunner {
  private final SimClock clock;
  private final SimRandom random;
  private final Journal journal;
  private final Ledger ledger;
  private final JobStore store;
  private final JobSettings settings;
  private final JobLifecycle lifecycle;
  private final Map<String, List<ScheduledTask>> tasksByJob = new HashMap<>();
  private final Shared<Quote> quotes = new Shared<>(); // kept by each job for its lifetime
  private final Shared<JobSpec> specs = new Shared<>();
  final RunSlots slots;

  JobRunner(SimClock clock, SimRandom random, Journal journal, Ledger ledger, JobStore store,
            JobSettings settings, JobLifecycle lifecycle) {
    this.clock = clock;
    this.random = random;
    this.journal = journal;
    this.ledger = ledger;
    this.store = store;
    this.settings = settings;
    this.lifecycle = lifecycle;
    this.slots = new RunSlots(journal);
  }

  Job create(Tenant t, ModelSpec m, CreateRequest req, JobSpec spec, String key,
             JobOutcome outcome) {
    return create(t, m, req, spec, key, outcome, null);
  }

  /** @param route how an aggregator routed it (its ledger lines name the upstream), or null */
  Job create(Tenant t, ModelSpec m, CreateRequest req, JobSpec spec, String key,
             JobOutcome outcome, dev.vidsim.aggregator.Route route) {
    if (store.full()) throw full(); // first: a refused create costs less than an accepted one
    Quote q = PriceCalculator.quote(m.pricing(), spec);
    if (route != null) {
      q = q.withRule("via " + route.ran().provider() + " " + m.id() + ": " + q.rule());
    }
    q = quotes.of(q);
    try {
      ledger.requireAvailable(t.apiKey(), q.neededAtCreate());
    } catch (InsufficientFundsException e) {
      throw new SimException(ErrorCode.INSUFFICIENT_BALANCE, "insufficient balance: this job "
          + "needs " + e.needed() + " " + settings.currency() + " at create but " + e.available()
          + " is available; top up or choose a cheaper model, resolution or duration",
          Map.of("needed", e.needed().toString(), "available", e.available().toString()));
    }
    Instant now = clock.instant();
    String id = req.ids().draw(random, "ids/" + t.apiKey());
    Job job = new Job(id, t.apiKey(), m.id(), t.region(), req.prompt(), specs.of(spec), q,
        m.pricing(), key, req.webhookUrl(), now)
        .createdThrough(req.dialect(), req.attributes()).routedBy(route);
    if (!store.add(job)) throw full();
    ObjectNode created = Journal.fields().put("job", id).put("tenant", t.apiKey())
        .put("model", m.id()).put("status", job.status().wireName());
    if (route != null) {
      created.put("aggregatorModel", route.aggregatorModel())
          .put("upstream", route.ran().provider());
    }
    journal.append("job_created", created);
    String rule = q.rule();
    if (q.flatFee().isPositive()) {
      ledger.charge(t.apiKey(), q.flatFee(), id, key, "flat fee", now);
    }
    if (q.onCreate().isPositive()) {
      ledger.charge(t.apiKey(), q.onCreate(), id, key, rule + " on create", now);
    }
    if (q.held().isPositive()) {
      ledger.hold(t.apiKey(), q.held(), id, key, rule, now);
      job.markHeld();
    }
    schedule(job, m, outcome);
    return job;
  }

  private SimException full() {
    return new SimException(ErrorCode.SIMULATOR_FULL, "the simulator holds " + store.capacity()
        + " unfinished jobs (its job store bound); advance the clock, POST /_sim/reset, or start"
        + " it with a larger --max-jobs");
  }

  private void schedule(Job job, ModelSpec m, JobOutcome outcome) {
    SplittableRandom r = random.stream("latency/" + job.tenant() + "/" + m.id());
    Duration queued = m.latency().queued().draw(r);
    Duration render = m.latency().render().draw(r);
    if (slots.queues(job.tenant())) {
      scheduleQueued(job, queued, render, outcome);
      return;
    }
    Instant starts = job.createdAt().plus(queued);
    Instant ends = starts.plus(render);
    job.planRender(starts, ends);
    if (outcome == null) {
      at(job, starts, () -> start(job));
      at(job, ends, () -> succeed(job));
      return;
    }
    journal.append("fault_outcome", Journal.fields().put("job", job.id())
        .put("outcome", outcome.kind().wireName()));
    Instant failsAt = failureInstant(job, outcome, starts, ends);
    if (outcome.neverStarts()) return;
    if (failsAt == null || starts.isBefore(failsAt)) {
      at(job, starts, () -> start(job));
    }
    if (failsAt != null) {
      at(job, failsAt, () -> fail(job, failureKind(outcome), failureMessage(job, outcome)));
    }
  }

  /**
   * Under a limit that queues: once its queued latency has passed the job waits for a render
   * slot; its render (and a fault's failure, unless timed from the create) runs from then on.
   */
  private void scheduleQueued(Job job, Duration queued, Duration render, JobOutcome outcome) {
    if (outcome != null) {
      journal.append("fault_outcome", Journal.fields().put("job", job.id())
          .put("outcome", outcome.kind().wireName()));
      if (outcome.kind() != JobOutcome.Kind.STUCK && outcome.after() != null) {
        at(job, job.createdAt().plus(outcome.after()),
            () -> fail(job, failureKind(outcome), failureMessage(job, outcome)));
      }
    }
    if (outcome != null && outcome.neverStarts()) return;
    at(job, job.createdAt().plus(queued), () -> slots.ready(job,
        () -> begin(job, render, outcome)));
  }

  private void begin(Job job, Duration render, JobOutcome outcome) {
    if (job.status().isTerminal()) return;
    Instant starts = clock.instant();
    Instant ends = starts.plus(render);
    job.planRender(starts, ends);
    start(job);
    if (outcome == null) {
      at(job, ends, () -> succeed(job));
    } else if (outcome.kind() != JobOutcome.Kind.STUCK && outcome.after() == null) {
      at(job, failureInstant(job, outcome, starts, ends),
          () -> fail(job, failureKind(outcome), failureMessage(job, outcome)));
    }
  }

  /** When a faulted job fails: after the rule's delay, else when it would have finished. */
  private static Instant failureInstant(Job job, JobOutcome o, Instant starts, Instant ends) {
    if (o.kind() == JobOutcome.Kind.STUCK) return null;
    if (o.after() != null) return job.createdAt().plus(o.after());
    if (o.kind() == JobOutcome.Kind.PARTIAL) {
      BigDecimal share = o.deliveredSeconds().min(job.spec().seconds())
          .divide(job.spec().seconds(), 6, java.math.RoundingMode.DOWN);
      long renderMillis = Duration.between(starts, ends).toMillis();
      return starts.plusMillis(share.multiply(BigDecimal.valueOf(renderMillis)).longValue());
    }
    return ends;
  }

  private static FailureKind failureKind(JobOutcome o) {
    return switch (o.kind()) {
      case TIMEOUT -> FailureKind.TIMEOUT;
      case CONTENT_FILTER -> FailureKind.CONTENT_FILTER;
      case EXPIRED -> FailureKind.EXPIRED;
      case ERROR, PARTIAL, STUCK -> FailureKind.ERROR;
    };
  }

  private String failureMessage(Job job, JobOutcome o) {
    return switch (o.kind()) {
      case TIMEOUT -> "the provider timed out after "
          + SimDuration.format(Duration.between(job.createdAt(), clock.instant()));
      case CONTENT_FILTER -> "the output was blocked by the content filter";
      case PARTIAL -> "rendering failed after " + o.deliveredSeconds().toPlainString() + " of "
          + job.spec().seconds().toPlainString() + " seconds";
      case ERROR, STUCK -> "the provider failed to render the video";
      case EXPIRED -> "the provider expired the job before it finished";
    };
  }

  private void at(Job job, Instant when, Runnable action) {
    ScheduledTask task = clock.schedule(when, action);
    tasksByJob.computeIfAbsent(job.id(), k -> new ArrayList<>(3)).add(task); // start, end, ...
  }

  private void cancelTasks(Job job) {
    List<ScheduledTask> tasks = tasksByJob.remove(job.id());
    if (tasks != null) tasks.forEach(ScheduledTask::cancel);
  }

  /** A deadline (Replicate's Cancel-After): a job still unfinished then is cancelled. */
  void deadline(Job job, Duration after) {
    String why = "deadline of " + SimDuration.format(after) + " after create reached";
    at(job, job.createdAt().plus(after), () -> fail(job, FailureKind.CANCEL, why));
  }

  /** A status poll of a model with a poll fee: charged, or a 402 when the balance is short. */
  void chargePollFee(Job job) {
    Money fee = job.pricing().pollFee();
    if (!fee.isPositive()) return;
    try {
      ledger.charge(job.tenant(), fee, job.id(), job.idempotencyKey(), "poll fee",
          clock.instant());
    } catch (InsufficientFundsException e) {
      throw new SimException(ErrorCode.INSUFFICIENT_BALANCE, "insufficient balance for the "
          + fee + " poll fee of model " + job.model() + "; top up or poll less often");
    }
  }

  /** It leaves the queue and renders. */
  private void start(Job job) {
    move(job, JobStatus.IN_PROGRESS, "render started");
    lifecycle.started(job);
  }

  void move(Job job, JobStatus to, String reason) {
    Transition tr = job.moveTo(to, clock.instant(), reason);
    if (!tr.from().isTerminal() && tr.to().isTerminal()) store.ended(job);
    if (tr.from() == JobStatus.QUEUED) store.leftQueue(job);
    slots.moved(job, tr.from(), tr.to());
    journal.append("state", Journal.fields().put("job", job.id())
        .put("from", tr.from().wireName()).put("to", tr.to().wireName()).put("reason", reason));
  }

  void succeed(Job job) {
    cancelTasks(job);
    move(job, JobStatus.SUCCEEDED, "video delivered");
    Quote q = job.quote();
    Money actual = PriceCalculator.quote(job.pricing(), job.spec()).usage();
    settleTo(job, Money.min(actual, q.usage()), q.rule() + " on delivery");
    Instant expires = clock.instant().plus(settings.contentTtl());
    job.setExpiresAt(expires);
    clock.schedule(expires, () -> move(job, JobStatus.EXPIRED, "content URL lapsed"));
    lifecycle.ended(job);
    slots.freed(job.tenant());
  }

  /** Ends a job that did not deliver, settling its money by the model's failure policy. */
  void fail(Job job, FailureKind kind, String message) {
    cancelTasks(job);
    JobStatus to = switch (kind) {
      case TIMEOUT -> JobStatus.TIMED_OUT;
      case CANCEL -> JobStatus.CANCELLED;
      case ERROR, CONTENT_FILTER -> JobStatus.FAILED;
      case EXPIRED -> JobStatus.EXPIRED;
    };
    job.fail(kind, message);
    move(job, to, message);
    Settlement s = job.pricing().settlementFor(kind);
    settleTo(job, s.finalCost(job.quote().usage()), kind.wireName() + " " + s);
    lifecycle.ended(job);
    slots.freed(job.tenant());
  }

  /**
   * Brings the job's usage charge to exactly {@code finalCost}: captures from its hold what the
   * create charge did not cover, releases the rest, and refunds any excess of the create charge.
   */
  private void settleTo(Job job, Money finalCost, String rule) {
    Quote q = job.quote();
    Instant now = clock.instant();
    Money charged = q.onCreate();
    if (job.holdId() != null) {
      Money capture = Money.min(Money.max(finalCost.minus(charged), Money.ZERO), q.held());
      ledger.settle(job.holdId(), capture, rule, now);
    }
    if (finalCost.compareTo(charged) < 0) {
      ledger.refund(job.tenant(), charged.minus(finalCost), job.id(),
          job.idempotencyKey(), rule, now);
    }
  }
}
