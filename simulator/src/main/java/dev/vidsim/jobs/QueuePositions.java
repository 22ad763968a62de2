package dev.vidsim.jobs;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * How many of a tenant's jobs created before a given one are still queued, in O(log n): every
 * view of a queued job shows it, so a scan of the whole store per create or poll made both linear
 * in the jobs held. Per tenant, jobs are numbered in creation order and a Fenwick tree counts the
 * queued ones over a window that starts at the oldest still queued, so memory follows the queue,
 * not the jobs ever created.
 */
final class QueuePositions {
  private final Map<String, Ranks> byTenant = new HashMap<>();

  /** A job joins its tenant's queue (jobs are created queued, in this order). */
  void queued(Job job) {
    job.setQueueOrdinal(byTenant.computeIfAbsent(job.tenant(), t -> new Ranks()).add());
  }

  /** The job left the queue (it started, or ended without starting). */
  void left(Job job) {
    Ranks r = byTenant.get(job.tenant());
    if (r != null) r.remove(job.queueOrdinal());
  }

  /** Jobs of the same tenant, created earlier, still queued. */
  int ahead(Job job) {
    Ranks r = byTenant.get(job.tenant());
    return r == null ? 0 : r.below(job.queueOrdinal());
  }

  /** One tenant's queued jobs by creation number, counted over [base, base + capacity). */
  private static final class Ranks {
    private long base;
    private long next;
    private int capacity = 64;
    private BitSet queued = new BitSet();
    private int[] tree = new int[capacity + 1];

    long add() {
      long ordinal = next++;
      if (ordinal - base >= capacity) rebase(ordinal);
      int i = (int) (ordinal - base);
      queued.set(i);
      update(i, 1);
      return ordinal;
    }

    void remove(long ordinal) {
      int i = (int) (ordinal - base);
      if (ordinal < base || !queued.get(i)) return;
      queued.clear(i);
      update(i, -1);
    }

    int below(long ordinal) {
      long i = Math.min(ordinal, base + capacity) - base;
      int sum = 0;
      for (int k = (int) Math.max(i, 0); k > 0; k -= k & -k) sum += tree[k];
      return sum;
    }

    private void update(int i, int delta) {
      for (int k = i + 1; k <= capacity; k += k & -k) tree[k] += delta;
    }

    /** The window moves to the oldest job still queued, and doubles if still too small. */
    private void rebase(long ordinal) {
      int first = queued.nextSetBit(0);
      long newBase = first < 0 ? ordinal : base + first;
      queued = first < 0 ? new BitSet() : queued.get(first, capacity);
      base = newBase;
      capacity = 64; // shrinks again after a burst: the queue, not its past, sets the size
      while (ordinal - base >= capacity / 2) capacity *= 2;
      tree = new int[capacity + 1];
      for (int i = queued.nextSetBit(0); i >= 0; i = queued.nextSetBit(i + 1)) tree[i + 1]++;
      for (int k = 1; k <= capacity; k++) {
        int parent = k + (k & -k);
        if (parent <= capacity) tree[parent] += tree[k];
      }
    }
  }
}
