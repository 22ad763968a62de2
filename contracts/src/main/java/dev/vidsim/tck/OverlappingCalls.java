package dev.vidsim.tck;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Real-time waits of {@link World#twice}, bounded so a hung client fails instead of hanging. */
final class OverlappingCalls {
  /** Real time a client call on the other thread may take before the try fails. */
  static final long CALL_MILLIS_MAX = TimeUnit.MINUTES.toMillis(2);
  private static final long LOOK_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
  /** Looks before giving up waiting for the first thread's request to be held. */
  private static final int LOOKS_MAX = 100_000;

  private OverlappingCalls() {}

  /** Waits until the first call has a held request or has ended (or ~10 s have passed). */
  static void awaitHeldOrDone(CompletableFuture<?> first, BooleanSupplier held) {
    for (int i = 0; i < LOOKS_MAX && !first.isDone() && !held.getAsBoolean(); i++) {
      LockSupport.parkNanos(LOOK_NANOS);
    }
  }

  /** The first call's failure, or null when it returned. */
  static Throwable join(CompletableFuture<?> first, String what) {
    try {
      first.get(CALL_MILLIS_MAX, TimeUnit.MILLISECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("[client_hung] " + what + " did not return in "
          + CALL_MILLIS_MAX / 1000 + " s of real time");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(what + " interrupted", e);
    }
  }
}
