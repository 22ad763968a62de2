package dev.vidsim.jobs;

import dev.vidsim.clock.SimClock;
import dev.vidsim.idempotency.IdempotencyStore;
import dev.vidsim.journal.Journal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Synchronous models (like Replicate's {@code Prefer: wait}): the create answers once the job has
 * ended or the model's wait limit (simulated time) has passed. Until then its Idempotency-Key
 * stays in flight, so a retry with that key gets 409. Whether or not anyone is still waiting,
 * the job runs, is charged and can be found afterwards.
 */
final class SyncWaits {
  private final SimClock clock;
  private final Journal journal;
  private final IdempotencyStore<CreateOutcome> keys;
  private final JobViews views;
  private final Map<String, Waiting> byJob = new HashMap<>();

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
    Waiting w = new Waiting(new CompletableFuture<>(), job, key);
    byJob.put(job.id(), w);
    journal.append("sync_wait", Journal.fields().put("job", job.id())
        .put("limit", limit.toString()));
    clock.scheduleAfter(limit, job.id() + " sync wait over", () -> finish(job));
    return w.answer();
  }

  CompletableFuture<JobView> answerFor(String jobId) {
    Waiting w = byJob.get(jobId);
    return w == null ? null : w.answer();
  }

  /** The engine is being replaced (reset, new scenario): answer every held create now. */
  void answerAll() {
    for (var entry : java.util.List.copyOf(byJob.entrySet())) {
      Waiting w = byJob.remove(entry.getKey());
      w.answer().complete(views.of(entry.getValue().job()));
    }
  }

  /** The job ended or the wait is over: answer with its state now. Idempotent. */
  void finish(Job job) {
    Waiting w = byJob.remove(job.id());
    if (w == null) return;
    JobView view = views.of(job);
    if (w.key() != null) {
      keys.complete(w.job().tenant(), w.key(), new CreateOutcome(view, null));
    }
    w.answer().complete(view);
  }
}
