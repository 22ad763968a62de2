package dev.vidsim.pricing;

import java.util.HashMap;
import java.util.Map;

/**
 * One instance per distinct value, up to a bound. What a job or a ledger line keeps for its
 * lifetime (its quote, its spec, its rule text) repeats across jobs: a million finished jobs at
 * a handful of prices need a handful of each, not a million. Past the bound a new value is kept
 * as given (equal, just not shared). Not thread-safe: the engine's lock.
 */
public final class Shared<T> {
  public static final int DISTINCT_MAX = 4_096;
  private final Map<T, T> known = new HashMap<>();

  /** The first instance kept that equals {@code value}, else {@code value}; null stays null. */
  public T of(T value) {
    if (value == null) return null;
    T first = known.get(value);
    if (first != null) return first;
    if (known.size() < DISTINCT_MAX) known.put(value, value);
    return value;
  }
}
