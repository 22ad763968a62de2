package dev.vidsim.metrics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests answered, by dialect, endpoint and status, and the SDK retries among them (from the
 * retry-count header the Stainless-generated SDKs send). Counted on request threads without the
 * simulator's lock; kept across resets, as a scraper expects of a counter.
 */
public final class RequestCounts {
  /** Bounds the label sets hostile traffic can make (dialects x endpoints x statuses). */
  static final int SERIES_MAX = 2_000;
  private final Map<List<String>, LongAdder> answered = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> sdkRetries = new ConcurrentHashMap<>();

  /** @param endpoint the guarded endpoint's name, or "other" (admin, errors before routing) */
  public void answered(String dialect, String endpoint, int status, boolean sdkRetry) {
    List<String> key = List.of(dialect, endpoint, Integer.toString(status));
    LongAdder n = answered.get(key);
    if (n == null) {
      if (answered.size() >= SERIES_MAX) key = List.of(dialect, "other", "other");
      n = answered.computeIfAbsent(key, k -> new LongAdder());
    }
    n.increment();
    if (sdkRetry) sdkRetries.computeIfAbsent(dialect, d -> new LongAdder()).increment();
  }

  Map<List<String>, Long> answered() {
    Map<List<String>, Long> out = new TreeMap<>(RequestCounts::compare);
    answered.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  Map<String, Long> sdkRetries() {
    Map<String, Long> out = new TreeMap<>();
    sdkRetries.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  private static int compare(List<String> a, List<String> b) {
    return String.join("\u0000", a).compareTo(String.join("\u0000", b));
  }
}
