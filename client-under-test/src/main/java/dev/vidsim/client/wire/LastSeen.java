package dev.vidsim.client.wire;

import dev.vidsim.client.ApiResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The last status answer per job (a failure too) and when it came, bounded (oldest first out). */
final class LastSeen {
  static final int JOBS_MAX = 1_000;
  private final Map<String, Map.Entry<Instant, ApiResponse>> answers =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map.Entry<Instant, ApiResponse>> e) {
          return size() > JOBS_MAX;
        }
      };

  synchronized void put(String jobId, Instant at, ApiResponse answer) {
    answers.put(jobId, Map.entry(at, answer));
  }

  /** The last answer, whenever it came, else null. */
  synchronized ApiResponse last(String jobId) {
    Map.Entry<Instant, ApiResponse> e = answers.get(jobId);
    return e == null ? null : e.getValue();
  }

  /** When the last answer came, else null. */
  synchronized Instant readAt(String jobId) {
    Map.Entry<Instant, ApiResponse> e = answers.get(jobId);
    return e == null ? null : e.getKey();
  }

  /** The answer read at exactly {@code now}, else null. */
  synchronized ApiResponse fresh(String jobId, Instant now) {
    Map.Entry<Instant, ApiResponse> e = answers.get(jobId);
    return e != null && e.getKey().equals(now) ? e.getValue() : null;
  }
}
