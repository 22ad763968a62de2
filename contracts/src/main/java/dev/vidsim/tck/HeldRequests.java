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
 * as many threads in client calls as held requests, each parked on its response, none sleeping,
 * and the journal unchanged over two looks. Quiet, and one event at a time, is what makes the
 * steps repeatable: time moves only when the client can do nothing but wait, and stops at the
 * instant that may answer it.
 */
final class HeldRequests implements AutoCloseable {
  private static final long LOOK_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
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

  /** Journal watcher (under the simulator's lock): a held request wakes the ticker. */
  private void line(String kind, com.fasterxml.jackson.databind.node.ObjectNode body) {
    if (kind.equals("sync_wait")) wake();
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

  private boolean quiet(int held) {
    long seq = journalSeq();
    if (!waitingOnly(held)) return false;
    LockSupport.parkNanos(LOOK_NANOS);
    return !closed && waitingOnly(held) && journalSeq() == seq;
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

  private long journalSeq() {
    return host.simulator().call(e -> e.journal().lastSeq());
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
