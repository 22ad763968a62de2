package dev.vidsim.clock;

import java.time.Instant;

/**
 * A task due at a simulated instant; ties run in scheduling order, which keeps runs deterministic.
 */
public final class ScheduledTask implements Comparable<ScheduledTask> {
  private final Instant at;
  /** {@code at} again, unboxed: the scheduler's heap compares these without a dereference. */
  private final long atSecond;
  private final int atNano;
  private final long sequence;
  private final Runnable action;
  private boolean cancelled;

  ScheduledTask(Instant at, long sequence, Runnable action) {
    this.at = at;
    this.atSecond = at.getEpochSecond();
    this.atNano = at.getNano();
    this.sequence = sequence;
    this.action = action;
  }

  public Instant at() {
    return at;
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
    if (atSecond != o.atSecond) return Long.compare(atSecond, o.atSecond);
    if (atNano != o.atNano) return Integer.compare(atNano, o.atNano);
    return Long.compare(sequence, o.sequence);
  }
}
