package dev.vidsim.tck.internal;

import dev.vidsim.tck.SimTime;
import java.time.Duration;
import java.time.Instant;

/**
 * The virtual clock handed to the client, with a bound on how much simulated time (and how many
 * sleeps) one client call may use: a client that waits forever fails the property instead of
 * hanging the build.
 */
final class GuardedTime implements SimTime {
  static final Duration CALL_TIME_MAX = Duration.ofHours(48);
  /** A client checking its webhook inbox every second sleeps 172,800 times in 48 h. */
  static final int CALL_SLEEPS_MAX = 200_000;
  private final SimHost host;
  private String call;
  private Duration used = Duration.ZERO;
  private int sleeps;

  GuardedTime(SimHost host) {
    this.host = host;
  }

  void startCall(String what) {
    call = what;
    used = Duration.ZERO;
    sleeps = 0;
  }

  /** Simulated time the current (or last) call slept. */
  Duration used() {
    return used;
  }

  void endCall() {
    call = null;
  }

  @Override
  public Instant now() {
    return host.now();
  }

  @Override
  public void sleep(Duration d) {
    if (d.isNegative()) throw new IllegalArgumentException("negative sleep " + d);
    used = used.plus(d);
    if (call != null && (used.compareTo(CALL_TIME_MAX) > 0 || ++sleeps > CALL_SLEEPS_MAX)) {
      throw new ClientHung(call + " was still running after " + used.toHours() + " h of "
          + "simulated time and " + sleeps + " sleeps: the client never gave up");
    }
    host.advance(d);
  }

  /** An Error, so client code that catches exceptions cannot swallow it. */
  static final class ClientHung extends Error {
    ClientHung(String message) {
      super("[client_hung] " + message);
    }
  }
}
