package dev.vidsim.tck.internal;

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
 * as many threads in client calls as held requests, each blocked on its response, none
 * sleeping.
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
  /** Held by the ticker while it moves the clock (webhooks going out and answered included). */
  private final Object advancing = new Object();
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

  /**
   * Waits until the ticker's step is over: a call its step answered returns only once that
   * step's webhooks have been handled, as when the client's own sleep moves the clock.
   */
  void awaitStep() {
    synchronized (advancing) {
      // nothing: entering is the wait
    }
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
        if (next != null) {
          synchronized (advancing) {
            host.simulator().advanceTo(next);
          }
        }
      } else {
        LockSupport.parkNanos(LOOK_NANOS);
      }
    }
  }

  /**
   * As many calling threads as held requests, each blocked on a response, none sleeping, on
   * two looks in a row with the journal unchanged.
   */
  private boolean quiet(int held) {
    long seq = host.simulator().call(e -> e.journal().lastSeq());
    if (!waitingOnly(held)) return false;
    LockSupport.parkNanos(LOOK_NANOS);
    return !closed && waitingOnly(held)
        && host.simulator().call(e -> e.journal().lastSeq()) == seq;
  }

  private boolean waitingOnly(int held) {
    if (calling.size() != held || time.sleeping() > 0) return false;
    for (Thread t : calling) if (!blocked(t)) return false;
    return true;
  }

  /** Parked (java.net.http), or in a blocking socket read (OkHttp shows RUNNABLE there). */
  private static boolean blocked(Thread t) {
    Thread.State s = t.getState();
    if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING) return true;
    if (s != Thread.State.RUNNABLE) return false;
    StackTraceElement[] top = t.getStackTrace();
    return top.length > 0 && top[0].getClassName().startsWith("sun.nio.ch.")
        && top[0].isNativeMethod();
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
