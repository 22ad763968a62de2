package dev.vidsim.engine;

import dev.vidsim.jobs.Job;
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
  private final Engine world;
  private final Map<String, Waiting> byJob = new HashMap<>();

  private record Waiting(CompletableFuture<JobView> answer, String tenant, String key) {}

  SyncWaits(Engine world) {
    this.world = world;
  }

  /** The wait limit of a synchronous model, or null for an asynchronous one. */
  Duration limitFor(String model) {
    return world.scenario().conditions().syncModels().get(model);
  }

  /** Registers a sync create; the key (if any) is completed when the answer is. */
  CompletableFuture<JobView> begin(Job job, String key, Duration limit) {
    Waiting w = new Waiting(new CompletableFuture<>(), job.tenant(), key);
    byJob.put(job.id(), w);
    world.journal().append("sync_wait", Journal.fields().put("job", job.id())
        .put("limit", limit.toString()));
    world.clock().scheduleAfter(limit, job.id() + " sync wait over", () -> finish(job));
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
      w.answer().complete(world.jobs().snapshot(entry.getKey()));
    }
  }

  /** The job ended or the wait is over: answer with its state now. Idempotent. */
  void finish(Job job) {
    Waiting w = byJob.remove(job.id());
    if (w == null) return;
    JobView view = world.jobs().view(job);
    if (w.key() != null) {
      world.keys().complete(w.tenant(), w.key(), new CreateOutcome(view, null));
    }
    w.answer().complete(view);
  }
}
