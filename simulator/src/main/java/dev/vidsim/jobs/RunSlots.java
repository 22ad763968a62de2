package dev.vidsim.jobs;

import dev.vidsim.journal.Journal;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Render slots of tenants whose limit queues instead of rejecting ({@code concurrentJobs} with
 * {@code overLimit: queue}, as fal does): a job ready to render starts when fewer than the limit
 * of its tenant's jobs are rendering, else it waits queued, first ready first started. The
 * waiting lines are bounded by the job store, which bounds unfinished jobs.
 */
final class RunSlots {
  private final Journal journal;
  private Function<String, Integer> runningMax = tenant -> null;
  private final Map<String, ArrayDeque<Waiting>> waiting = new HashMap<>();
  /** Jobs rendering per tenant, kept by {@link #moved}: no scan of the store per decision. */
  private final Map<String, Integer> rendering = new HashMap<>();

  private record Waiting(Job job, Runnable begin) {}

  RunSlots(Journal journal) {
    this.journal = journal;
  }

  /** @param runningMax a tenant's render slots, or null when it does not queue */
  void limitWith(Function<String, Integer> runningMax) {
    this.runningMax = runningMax;
  }

  boolean queues(String tenant) {
    return runningMax.apply(tenant) != null;
  }

  /** Every status change of every job passes here, so the rendering counts stay exact. */
  void moved(Job job, JobStatus from, JobStatus to) {
    if (to == JobStatus.IN_PROGRESS) rendering.merge(job.tenant(), 1, Integer::sum);
    if (from == JobStatus.IN_PROGRESS) {
      rendering.computeIfPresent(job.tenant(), (t, n) -> n <= 1 ? null : n - 1);
    }
  }

  /** The job is ready to render: it begins now if a slot is free, else it waits its turn. */
  void ready(Job job, Runnable begin) {
    Integer max = runningMax.apply(job.tenant());
    if (max == null || running(job.tenant()) < max) {
      begin.run();
      return;
    }
    ArrayDeque<Waiting> line = waiting.computeIfAbsent(job.tenant(), t -> new ArrayDeque<>());
    line.addLast(new Waiting(job, begin));
    journal.append("queued_for_slot", Journal.fields().put("job", job.id())
        .put("tenant", job.tenant()).put("running", max).put("waiting", line.size()));
  }

  /** Whether the job is in its tenant's waiting line. */
  boolean waiting(Job job) {
    ArrayDeque<Waiting> line = waiting.get(job.tenant());
    return line != null && line.stream().anyMatch(w -> w.job() == job);
  }

  /** One of the tenant's jobs ended: waiting jobs begin while slots are free. */
  void freed(String tenant) {
    ArrayDeque<Waiting> line = waiting.get(tenant);
    Integer max = runningMax.apply(tenant);
    while (line != null && !line.isEmpty()) {
      if (line.peekFirst().job().status().isTerminal()) {
        line.removeFirst(); // cancelled or failed while it waited
        continue;
      }
      if (max != null && running(tenant) >= max) return;
      line.removeFirst().begin().run();
    }
    waiting.remove(tenant);
  }

  private int running(String tenant) {
    return rendering.getOrDefault(tenant, 0);
  }
}
