package dev.vidsim.jobs;

import dev.vidsim.clock.SimClock;
import dev.vidsim.idempotency.IdempotencyStore;
import dev.vidsim.journal.Journal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Requests held until a job ends or a wait limit passes (simulated time): creates of synchronous
 * models, and per-request waits such as Replicate's {@code Prefer: wait=n}. A sync create's
 * Idempotency-Key stays in flight until its answer, so a retry with that key gets 409. Whether
 * or not anyone is still waiting, the job runs, is charged and can be found afterwards.
 */
final class SyncWaits {
  /** Waiters held on one job at a time; more is a client bug, refused rather than stored. */
  static final int WAITERS_PER_JOB_MAX = 64;
  private final SimClock clock;
  private final Journal journal;
  private final IdempotencyStore<CreateOutcome> keys;
  private final JobViews views;
  private final Map<String, List<Waiting>> byJob = new HashMap<>();

  private record Waiting(CompletableFuture<JobView> answer, Job job, String key) {}

  SyncWaits(SimClock clock, Journal journal, IdempotencyStore<CreateOutcome> keys,
            JobViews views) {
    this.clock = clock;
    this.journal = journal;
    this.keys = keys;
    this.views = views;
  }

  /** Registers a sync create; the key (if any) is completed when the answer is. */
  CompletableFuture<JobView> begin(Job job, String key, Duration limit) {
    return hold(job, key, limit);
  }

  /** Holds one more request on a running job until it ends or {@code limit} passes. */
  CompletableFuture<JobView> watch(Job job, Duration limit) {
    assert !job.status().isTerminal() : "a finished job is answered at once";
    return hold(job, null, limit);
  }

  private CompletableFuture<JobView> hold(Job job, String key, Duration limit) {
    List<Waiting> waiting = byJob.computeIfAbsent(job.id(), k -> new ArrayList<>());
    if (waiting.size() >= WAITERS_PER_JOB_MAX) {
      return CompletableFuture.completedFuture(views.of(job));
    }
    Waiting w = new Waiting(new CompletableFuture<>(), job, key);
    waiting.add(w);
    journal.append("sync_wait", Journal.fields().put("job", job.id())
        .put("limit", limit.toString()));
    clock.scheduleAfter(limit, () -> answer(w));
    return w.answer();
  }

  /** The create's own answer (the first waiter holding a key or registered by begin). */
  CompletableFuture<JobView> answerFor(String jobId) {
    List<Waiting> waiting = byJob.get(jobId);
    return waiting == null || waiting.isEmpty() ? null : waiting.get(0).answer();
  }

  /** Requests held right now, on every job. */
  int held() {
    int n = 0;
    for (List<Waiting> waiting : byJob.values()) n += waiting.size();
    return n;
  }

  /** The engine is being replaced (reset, new scenario): answer every held request now. */
  void answerAll() {
    for (List<Waiting> waiting : List.copyOf(byJob.values())) {
      List.copyOf(waiting).forEach(this::answer);
    }
    byJob.clear();
  }

  /** The job ended: answer everyone still waiting on it with its state now. Idempotent. */
  void finish(Job job) {
    List<Waiting> waiting = byJob.remove(job.id());
    if (waiting != null) waiting.forEach(this::answer);
  }

  /** One wait is over (its limit passed, or the job ended): answer it with the job as it is. */
  private void answer(Waiting w) {
    if (w.answer().isDone()) return;
    List<Waiting> waiting = byJob.get(w.job().id());
    if (waiting != null) {
      waiting.remove(w);
      if (waiting.isEmpty()) byJob.remove(w.job().id());
    }
    JobView view = views.of(w.job());
    if (w.key() != null) {
      keys.complete(w.job().tenant(), w.key(), new CreateOutcome(view, null));
    }
    w.answer().complete(view);
  }
}
