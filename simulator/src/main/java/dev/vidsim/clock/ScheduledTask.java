package dev.vidsim.clock;

import java.time.Instant;

/**
 * A task due at a simulated instant; ties run in scheduling order, which keeps runs deterministic.
 */
public final class ScheduledTask implements Comparable<ScheduledTask> {
  private final Instant at;
  private final long sequence;
  private final String label;
  private final Runnable action;
  private boolean cancelled;

  ScheduledTask(Instant at, long sequence, String label, Runnable action) {
    this.at = at;
    this.sequence = sequence;
    this.label = label;
    this.action = action;
  }

  public Instant at() {
    return at;
  }

  public String label() {
    return label;
  }

  Runnable action() {
    return action;
  }

  public void cancel() {
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled;
  }

  @Override
  public int compareTo(ScheduledTask o) {
    int c = at.compareTo(o.at);
    return c != 0 ? c : Long.compare(sequence, o.sequence);
  }
}
