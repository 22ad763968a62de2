package dev.vidsim.tck;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Simulated time passes while the client waits on a request the provider holds (a synchronous
 * model's create): on the virtual clock nothing else would move it, and the held request would
 * answer only when some real-time timeout fired. A daemon thread, started by the first held
 * request of a try, moves the clock to the next scheduled event whenever the client is quiet:
 * as many threads in client calls as held requests, each parked on its response, none sleeping.
 * Quiet, and one event at a time, is what makes the
 * steps repeatable: time moves only when the client can do nothing but wait, and stops at the
 * instant that may answer it.
 */
final class HeldRequests implements AutoCloseable {
  private static final long LOOK_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
  private final SimHost host;
  private final GuardedTime time;
  private final Set<Thread> calling = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  private Thread ticker;

  HeldRequests(SimHost host, GuardedTime time) {
    this.host = host;
    this.time = time;
    host.simulator().run(e -> e.journal().watch(this::line));
  }

  /** Requests held so far in this try (read without the simulator's lock). */
  private final java.util.concurrent.atomic.AtomicInteger heldSoFar =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Journal watcher (under the simulator's lock): a held request wakes the ticker. */
  private void line(String kind, com.fasterxml.jackson.databind.node.ObjectNode body) {
    if (kind.equals("sync_wait")) {
      heldSoFar.incrementAndGet();
      wake();
    }
  }

  int heldSoFar() {
    return heldSoFar.get();
  }

  /** The current thread is in a client call (or is no longer). */
  void calling(boolean in) {
    if (in) calling.add(Thread.currentThread());
    else calling.remove(Thread.currentThread());
  }

  private synchronized void wake() {
    if (closed) return;
    if (ticker == null) {
      ticker = new Thread(this::tick, "vidsim-tck-held-requests");
      ticker.setDaemon(true);
      ticker.start();
    } else {
      LockSupport.unpark(ticker);
    }
  }

  private void tick() {
    while (!closed) {
      int held = host.simulator().call(e -> e.jobs().heldRequests());
      if (held == 0) {
        LockSupport.park(this); // until the next held request (or close)
      } else if (quiet(held)) {
        Instant next = host.simulator().call(e -> e.clock().nextTaskAt().orElse(null));
        if (next != null) host.simulator().advanceTo(next);
      } else {
        LockSupport.parkNanos(LOOK_NANOS);
      }
    }
  }

  /**
   * As many calling threads as held requests, all parked: each waits on its own held request
   * (a thread without one is running, sleeping or sending, and then the counts differ).
   */
  private boolean quiet(int held) {
    return !closed && waitingOnly(held);
  }

  /** One calling thread per held request, each parked on its response, none sleeping. */
  private boolean waitingOnly(int held) {
    if (calling.size() != held || time.sleeping() > 0) return false;
    for (Thread t : calling) {
      Thread.State s = t.getState();
      if (s != Thread.State.WAITING && s != Thread.State.TIMED_WAITING) return false;
    }
    return true;
  }

  /** Stops the ticker before the next try resets the engine it would advance. */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      closed = true;
      t = ticker;
    }
    if (t == null) return;
    LockSupport.unpark(t);
    try {
      t.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
