package dev.vidsim.jobs;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jobs in creation order, bounded: past {@link #capacity} the oldest finished job is forgotten
 * (its ledger lines stay). When every job is still running, a new one is refused.
 */
public final class JobStore {
  public static final int DEFAULT_CAPACITY = 100_000;
  private final Map<String, Job> jobs = new LinkedHashMap<>();
  private final int capacity;
  private long evicted;

  public JobStore(int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1");
    this.capacity = capacity;
  }

  /** Adds a job, evicting the oldest finished one if full; false when none can be evicted. */
  public boolean add(Job job) {
    if (jobs.size() >= capacity && !evictOldestFinished()) {
      return false;
    }
    jobs.put(job.id(), job);
    return true;
  }

  private boolean evictOldestFinished() {
    for (Iterator<Job> it = jobs.values().iterator(); it.hasNext(); ) {
      if (it.next().status().isTerminal()) {
        it.remove();
        evicted++;
        return true;
      }
    }
    return false;
  }

  /** A read-only view in creation order. */
  public Map<String, Job> asMap() {
    return Collections.unmodifiableMap(jobs);
  }

  public int capacity() {
    return capacity;
  }

  public long evicted() {
    return evicted;
  }
}
