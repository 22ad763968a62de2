package dev.vidsim.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The semantic problems of one scenario file, collected so one run reports them all (each
 * located), in file order, at most {@link #REPORTED_MAX}.
 */
final class Problems {
  /** Problems one load reports; the rest are counted. */
  static final int REPORTED_MAX = 100;
  private final List<ScenarioException> found = new ArrayList<>();

  void add(ScenarioException e) {
    found.add(e);
  }

  /** Runs a part of the binding; its problem is noted and {@code fallback} stands in. */
  <T> T attempt(Supplier<T> part, T fallback) {
    try {
      return part.get();
    } catch (ScenarioException e) {
      add(e);
      return fallback;
    }
  }

  void attempt(Runnable part) {
    attempt(() -> {
      part.run();
      return null;
    }, null);
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** Throws every problem found as one exception (the first in the file leads), if any. */
  void throwIfAny() {
    if (found.isEmpty()) return;
    List<ScenarioException> sorted = found.stream()
        .sorted(Comparator.comparing((ScenarioException e) -> e.location().line())
            .thenComparing(e -> e.location().column()))
        .toList();
    throw ScenarioException.all(sorted, REPORTED_MAX);
  }
}
