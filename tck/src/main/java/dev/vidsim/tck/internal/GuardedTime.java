package dev.vidsim.tck.internal;

import dev.vidsim.tck.SimTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The virtual clock handed to the client, with a bound on how much simulated time (and how many
 * sleeps) one client call may use: a client that waits forever fails the property instead of
 * hanging the build. Calls may run on two threads at once (two threads of the user's app): each
 * thread's call is bounded on its own.
 */
final class GuardedTime implements SimTime {
  static final Duration CALL_TIME_MAX = Duration.ofHours(48);
  /** A client checking its webhook inbox every second sleeps 172,800 times in 48 h. */
  static final int CALL_SLEEPS_MAX = 200_000;
  private final SimHost host;
  private final CallSenders senders;
  private final ThreadLocal<Call> calls = ThreadLocal.withInitial(Call::new);
  private final AtomicInteger sleeping = new AtomicInteger();
  private volatile boolean dieAtNextSleep;

  /** What one thread's current (or last) call has used. */
  private static final class Call {
    String what;
    Duration used = Duration.ZERO;
    int sleeps;
  }

  GuardedTime(SimHost host, CallSenders senders) {
    this.host = host;
    this.senders = senders;
  }

  void startCall(String what) {
    Call c = calls.get();
    c.what = what;
    c.used = Duration.ZERO;
    c.sleeps = 0;
  }

  /** Simulated time this thread's current (or last) call slept. */
  Duration used() {
    return calls.get().used;
  }

  void endCall() {
    calls.get().what = null;
  }

  /** The client process dies the next time it sleeps (e.g. backing off after a lost create). */
  void dieAtNextSleep(boolean armed) {
    dieAtNextSleep = armed;
  }

  /** How many client threads are sleeping (moving the clock) right now. */
  int sleeping() {
    return sleeping.get();
  }

  @Override
  public Instant now() {
    return host.now();
  }

  @Override
  public void sleep(Duration d) {
    if (d.isNegative()) throw new IllegalArgumentException("negative sleep " + d);
    if (dieAtNextSleep) {
      dieAtNextSleep = false;
      throw new ProcessDied();
    }
    Call c = calls.get();
    c.used = c.used.plus(d);
    if (c.what != null && (c.used.compareTo(CALL_TIME_MAX) > 0 || ++c.sleeps > CALL_SLEEPS_MAX)) {
      throw new ClientHung(c.what + " was still running after " + c.used.toHours() + " h of "
          + "simulated time and " + c.sleeps + " sleeps: the client never gave up");
    }
    sleeping.incrementAndGet();
    senders.sleeping(true);
    try {
      host.advance(d);
    } finally {
      senders.sleeping(false);
      sleeping.decrementAndGet();
    }
  }

  /** The client's process died: an Error, so the client's own code cannot catch it. */
  static final class ProcessDied extends Error {
    ProcessDied() {
      super("the client process died", null, false, false);
    }
  }

  /** An Error, so client code that catches exceptions cannot swallow it. */
  static final class ClientHung extends Error {
    ClientHung(String message) {
      super("[client_hung] " + message);
    }
  }
}
