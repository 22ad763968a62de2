package dev.vidsim.tck.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Two threads of the user's app make the same call at once: the second starts once the first
 * has a request held by the provider, so the two overlap the same way on every run (when the
 * first returns before anything is held, as when refused, there is nothing to overlap and the
 * second is not made). A refusal on either thread is recorded, as for a single call. Real-time
 * waits are bounded, so a hung client fails the try instead of hanging the build.
 */
final class OverlappingCalls {
  /** Real time a client call on the other thread may take before the try fails. */
  static final long CALL_MILLIS_MAX = TimeUnit.MINUTES.toMillis(2);
  private static final long LOOK_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
  /** Looks before giving up waiting for the first thread's request to be held. */
  private static final int LOOKS_MAX = 100_000;

  private OverlappingCalls() {}

  static void twice(World w, HeldRequests held, String what,
                    java.util.function.Supplier<?> call) {
    int heldBefore = held.heldSoFar();
    held.calling(true); // no clock step between the first thread's held request and the second
    CompletableFuture<Void> first = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        w.guarded(what + " (thread 1)", call);
        first.complete(null);
      } catch (Throwable failed) {
        first.completeExceptionally(failed);
      }
    }, "vidsim-tck-user-thread-1");
    t.setDaemon(true);
    t.start();
    try {
      awaitHeldOrDone(first, () -> held.heldSoFar() > heldBefore);
      if (first.isDone()) {
        w.step("  thread 1 returned before the provider held a request: nothing to overlap");
      } else {
        w.guarded(what + " (thread 2)", call);
      }
    } catch (RuntimeException refused) {
      w.step("  thread 2 refused: " + refused.getMessage());
    } finally {
      held.calling(false);
    }
    Throwable failed = join(first, what + " (thread 1)");
    if (failed instanceof RuntimeException) w.step("  thread 1 refused: " + failed.getMessage());
    else if (failed instanceof Error e) throw e;
  }

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
