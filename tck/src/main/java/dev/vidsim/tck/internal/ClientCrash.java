package dev.vidsim.tck.internal;

import java.util.ConcurrentModificationException;
import java.util.List;

/**
 * A client call that ends in a programming error (a null dereference, a bad cast or index, a
 * collection changed while iterated) is a crash, not the provider's refusal: an action would
 * otherwise note it as refused and go on, and a client that crashed where it should have waited,
 * retried or reconciled would pass. The exception's causes are looked at too (a client may wrap).
 */
final class ClientCrash {
  static final String RULE = "[client_crashed]";
  private static final List<Class<? extends RuntimeException>> CRASHES = List.of(
      NullPointerException.class, ClassCastException.class, IndexOutOfBoundsException.class,
      ArithmeticException.class, ConcurrentModificationException.class,
      NegativeArraySizeException.class, ArrayStoreException.class,
      IllegalMonitorStateException.class);
  /** Causes looked through: a wrapper's wrapper is as deep as clients go. */
  private static final int CAUSES_MAX = 8;

  private ClientCrash() {}

  /** The refusal to rethrow as it is; a crash fails the try instead. */
  static RuntimeException refusalOrFail(String call, RuntimeException thrown) {
    AssertionError crashed = of(call, thrown);
    if (crashed != null) throw crashed;
    return thrown;
  }

  /** The try's failure when {@code thrown} is a crash, else null (a refusal). */
  static AssertionError of(String call, RuntimeException thrown) {
    Throwable t = thrown;
    for (int i = 0; t != null && i < CAUSES_MAX; i++, t = t.getCause()) {
      for (Class<? extends RuntimeException> crash : CRASHES) {
        if (crash.isInstance(t)) {
          return new AssertionError(RULE + " " + call + " crashed with " + t, thrown);
        }
      }
    }
    return null;
  }
}
