package dev.vidsim.jobs;

import dev.vidsim.clock.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.function.BiConsumer;

/**
 * Idempotency keys leave their window in the order they entered it (an engine has one TTL), so
 * they wait in one queue with one scheduled task at its head instead of a task each: the clock's
 * heap then holds the jobs' few near tasks, not a day's worth of keys, and every create's task
 * insert and removal stays shallow. A key never leaves early: it waits for every key before it.
 * One run expires at most {@link #PER_RUN_MAX} keys and then schedules the rest, so a burst of
 * expiries gives the simulator's lock back like any other burst of tasks.
 */
final class KeyWindows {
  static final int PER_RUN_MAX = 1_000;

  private record Waiting(Instant until, String tenant, String key) {}

  private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
  private final SimClock clock;
  private final Duration ttl;
  /** Called with (tenant, key) when the key's window has passed. */
  private final BiConsumer<String, String> expire;
  private boolean scheduled;

  KeyWindows(SimClock clock, Duration ttl, BiConsumer<String, String> expire) {
    this.clock = clock;
    this.ttl = ttl;
    this.expire = expire;
  }

  /** The key was used now: it expires one TTL from now. */
  void opened(String tenant, String key) {
    queue.add(new Waiting(clock.instant().plus(ttl), tenant, key));
    if (!scheduled) scheduleHead();
  }

  int waiting() {
    return queue.size();
  }

  private void scheduleHead() {
    Waiting head = queue.peek();
    scheduled = head != null;
    if (scheduled) clock.schedule(head.until(), this::expireDue);
  }

  private void expireDue() {
    Instant now = clock.instant();
    for (int n = 0; n < PER_RUN_MAX && !queue.isEmpty() && !queue.peek().until().isAfter(now);
         n++) {
      Waiting w = queue.poll();
      expire.accept(w.tenant(), w.key());
    }
    scheduleHead();
  }
}
