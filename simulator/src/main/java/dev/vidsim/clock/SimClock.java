package dev.vidsim.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * The one source of time in the simulator, with the scheduler that drives everything time-based
 * (job progress, timeouts, content and key expiry, webhook retries).
 *
 * <p>Not thread-safe by design: the simulator confines it to its own lock, so a scheduled task
 * can call back into the engine without lock-ordering hazards.
 */
public final class SimClock implements InstantSource {
  /** Bounds one advance so a task that reschedules itself at "now" cannot spin forever. */
  static final int TASKS_PER_ADVANCE_MAX = 1_000_000;
  /** Fastest accelerated clock: a day per 8.6 s; beyond it overflow lurks and nothing gains. */
  public static final long FACTOR_MAX = 10_000;

  private final PriorityQueue<ScheduledTask> tasks = new PriorityQueue<>();
  private final WallClock wall;
  private ClockMode mode;
  private long factor;
  private Instant anchorSim;
  private long anchorWallNanos;
  private long sequence;

  public SimClock(Instant start, ClockMode mode, long factor, WallClock wall) {
    requireFactor(factor);
    this.wall = wall;
    this.anchorSim = start;
    this.anchorWallNanos = wall.nanoTime();
    this.mode = mode;
    this.factor = mode == ClockMode.REAL ? 1 : factor;
  }

  public static SimClock virtual(Instant start) {
    return new SimClock(start, ClockMode.VIRTUAL, 1, WallClock.SYSTEM);
  }

  @Override
  public Instant instant() {
    if (mode == ClockMode.VIRTUAL) {
      return anchorSim;
    }
    long elapsed = Math.multiplyExact(wall.nanoTime() - anchorWallNanos, factor);
    return anchorSim.plusNanos(elapsed);
  }

  public ClockMode mode() {
    return mode;
  }

  public long factor() {
    return factor;
  }

  /** Switches mode keeping the current simulated instant, so time never jumps. */
  public void setMode(ClockMode newMode, long newFactor) {
    requireFactor(newFactor);
    Instant now = instant();
    anchorSim = now;
    anchorWallNanos = wall.nanoTime();
    mode = newMode;
    factor = newMode == ClockMode.REAL ? 1 : newFactor;
  }

  private static void requireFactor(long factor) {
    if (factor < 1 || factor > FACTOR_MAX) {
      throw new IllegalArgumentException("clock factor must be between 1 and " + FACTOR_MAX
          + ", got " + factor);
    }
  }

  public ScheduledTask schedule(Instant at, Runnable action) {
    ScheduledTask task = new ScheduledTask(at, sequence++, action);
    tasks.add(task);
    return task;
  }

  public ScheduledTask scheduleAfter(Duration delay, Runnable action) {
    return schedule(instant().plus(delay), action);
  }

  /**
   * Moves virtual time forward, running every task due on the way at its own instant, in order
   * of (instant, scheduling order). Only legal on the virtual clock.
   */
  public int advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("time only moves forward; got " + by);
    }
    if (mode != ClockMode.VIRTUAL) {
      throw new IllegalStateException("advance needs the virtual clock; it is " + mode.wireName());
    }
    Instant target = anchorSim.plus(by);
    int ran = runUntil(target);
    anchorSim = target;
    return ran;
  }

  /**
   * Like {@link #advance}, towards {@code target}, but stops right after a task for which
   * {@code pause} answers true (e.g. a webhook went out and its answer must be awaited before
   * time moves on). Returns true once the clock has reached {@code target}.
   */
  public boolean advanceUntil(Instant target, BooleanSupplier pause) {
    if (mode != ClockMode.VIRTUAL) {
      throw new IllegalStateException("advance needs the virtual clock; it is " + mode.wireName());
    }
    int ran = 0;
    while (!tasks.isEmpty() && !tasks.peek().at().isAfter(target)) {
      if (++ran > TASKS_PER_ADVANCE_MAX) {
        throw new IllegalStateException("more than " + TASKS_PER_ADVANCE_MAX
            + " tasks in one step");
      }
      ScheduledTask task = tasks.poll();
      if (task.isCancelled()) continue;
      if (task.at().isAfter(anchorSim)) anchorSim = task.at();
      task.action().run();
      if (pause.getAsBoolean()) return false;
    }
    if (target.isAfter(anchorSim)) anchorSim = target;
    return true;
  }

  /** Runs the tasks that are due at the current instant (the ticker of real/accelerated modes). */
  public int runDue() {
    return runUntil(instant());
  }

  /**
   * Runs at most {@code max} of the tasks due now, oldest first, and says how many ran: the
   * ticker calls it repeatedly, releasing the simulator's lock in between, so a burst of due
   * jobs cannot hold requests up for the whole burst.
   */
  public int runDue(int max) {
    Instant now = instant();
    int ran = 0;
    while (ran < max && !tasks.isEmpty() && !tasks.peek().at().isAfter(now)) {
      ScheduledTask task = tasks.poll();
      if (task.isCancelled()) continue;
      ran++;
      task.action().run();
    }
    return ran;
  }

  private int runUntil(Instant target) {
    int ran = 0;
    while (!tasks.isEmpty() && !tasks.peek().at().isAfter(target)) {
      if (++ran > TASKS_PER_ADVANCE_MAX) {
        throw new IllegalStateException("more than " + TASKS_PER_ADVANCE_MAX
            + " tasks in one step");
      }
      ScheduledTask task = tasks.poll();
      if (task.isCancelled()) {
        continue;
      }
      if (mode == ClockMode.VIRTUAL && task.at().isAfter(anchorSim)) {
        anchorSim = task.at();
      }
      task.action().run();
    }
    return ran;
  }

  /** Whether a task is due now (the ticker asks before it takes the lock to run them). */
  public boolean hasDue() {
    return !tasks.isEmpty() && !tasks.peek().at().isAfter(instant());
  }

  /**
   * After a restart: the simulated instant the clock showed at {@code lastWallNanos} (a reading
   * of the previous process's wall clock) is where it goes on from, now.
   */
  public void rebase(long lastWallNanos) {
    if (mode != ClockMode.VIRTUAL) {
      anchorSim = anchorSim.plusNanos(Math.multiplyExact(lastWallNanos - anchorWallNanos,
          factor));
    }
    anchorWallNanos = wall.nanoTime();
  }

  /** When the next pending task is due, if any: where advancing by one event would stop. */
  public java.util.Optional<Instant> nextTaskAt() {
    return tasks.stream().filter(t -> !t.isCancelled()).map(ScheduledTask::at)
        .min(java.util.Comparator.naturalOrder());
  }

  public int pendingTasks() {
    return (int) tasks.stream().filter(t -> !t.isCancelled()).count();
  }

  /** Drops every pending task (used by reset). */
  public void clearTasks() {
    tasks.clear();
  }
}
