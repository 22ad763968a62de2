package dev.vidsim.pricing;

import java.util.HashMap;
import java.util.Map;

/**
 * One instance per distinct quote and job spec, up to a bound: a job keeps both for its
 * lifetime, and a million finished jobs at a handful of prices need a handful of each, not a
 * million. Past the bound a new value is kept as given. Not thread-safe: the engine's lock.
 */
public final class SharedPrices {
  static final int DISTINCT_MAX = 4_096;
  private final Map<Quote, Quote> quotes = new HashMap<>();
  private final Map<JobSpec, JobSpec> specs = new HashMap<>();

  public Quote of(Quote quote) {
    return shared(quotes, quote);
  }

  public JobSpec of(JobSpec spec) {
    return shared(specs, spec);
  }

  private static <T> T shared(Map<T, T> known, T value) {
    T first = known.get(value);
    if (first != null) return first;
    if (known.size() < DISTINCT_MAX) known.put(value, value);
    return value;
  }
}
