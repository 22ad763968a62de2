package dev.vidsim.jobs;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jobs in creation order, bounded: past {@link #capacity} the job that finished first is
 * forgotten (its ledger lines stay). When every job is still unfinished, a new one is refused.
 * Both checks are O(1): finished jobs wait in a queue in the order they ended, so a full store
 * refuses a create as cheaply as it accepts one.
 */
public final class JobStore {
  public static final int DEFAULT_CAPACITY = 100_000;
  /** More would not fit a default heap: about 2 KiB a job with its history and attributes. */
  public static final int CAPACITY_MAX = 10_000_000;
  private final Map<String, Job> jobs = new LinkedHashMap<>();
  /** Ids of finished jobs still held, in the order they ended: the next to forget first. */
  private final ArrayDeque<String> finished = new ArrayDeque<>();
  private final int capacity;
  private final QueuePositions queue = new QueuePositions();
  private final TenantJobs byTenant = new TenantJobs();
  private long evicted;

  public JobStore(int capacity) {
    if (capacity < 1 || capacity > CAPACITY_MAX) {
      throw new IllegalArgumentException("capacity must be from 1 to " + CAPACITY_MAX);
    }
    this.capacity = capacity;
  }

  /** True when a new job could not be added: the store is at capacity, every job unfinished. */
  public boolean full() {
    return jobs.size() >= capacity && finished.isEmpty();
  }

  /** Adds a job, forgetting the first finished one if full; false when none can be forgotten. */
  public boolean add(Job job) {
    if (jobs.size() >= capacity) {
      String oldest = finished.poll();
      if (oldest == null) return false;
      jobs.remove(oldest);
      evicted++;
    }
    jobs.put(job.id(), job);
    queue.queued(job);
    byTenant.created(job);
    return true;
  }

  /** The job left the queue: it started, or ended without starting. */
  void leftQueue(Job job) {
    if (jobs.get(job.id()) == job) queue.left(job);
  }

  /** Jobs of the same tenant, created earlier, still queued. */
  int queuedAhead(Job job) {
    return queue.ahead(job);
  }

  /**
   * Records that a held job has just finished (called once, on its first terminal status), so
   * it may be forgotten when space is needed.
   */
  public void ended(Job job) {
    if (jobs.get(job.id()) != job) return;
    finished.add(job.id());
    byTenant.ended(job);
  }

  /** Each tenant's unfinished jobs and creates today, kept as jobs come and end. */
  public TenantJobs byTenant() {
    return byTenant;
  }

  /** A read-only view in creation order. */
  public Map<String, Job> asMap() {
    return Collections.unmodifiableMap(jobs);
  }

  public int capacity() {
    return capacity;
  }

  /** Jobs held that have not finished. */
  public int unfinished() {
    return jobs.size() - finished.size();
  }

  public long evicted() {
    return evicted;
  }
}
