package dev.vidsim.limits;

/**
 * A tenant's rate limits; null means unlimited.
 *
 * @param requestsPerMinute    sustained request rate of the token bucket (all /v1 calls)
 * @param burst                bucket size: requests allowed at once (default requestsPerMinute)
 * @param concurrentJobs       queued plus in-progress jobs at a time
 * @param pollsPerJobPerMinute status polls of one job per minute (a bucket per job)
 */
public record LimitSpec(Integer requestsPerMinute, Integer burst, Integer concurrentJobs,
                        Integer pollsPerJobPerMinute) {
  public static final LimitSpec NONE = new LimitSpec(null, null, null, null);

  public LimitSpec {
    check("requestsPerMinute", requestsPerMinute);
    check("burst", burst);
    check("concurrentJobs", concurrentJobs);
    check("pollsPerJobPerMinute", pollsPerJobPerMinute);
  }

  private static void check(String name, Integer value) {
    if (value != null && value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, got " + value);
    }
  }

  public int burstOrDefault() {
    return burst != null ? burst : requestsPerMinute;
  }

  /** This spec with the other's non-null fields on top. */
  public LimitSpec overriddenBy(LimitSpec o) {
    return new LimitSpec(pick(o.requestsPerMinute, requestsPerMinute), pick(o.burst, burst),
        pick(o.concurrentJobs, concurrentJobs), pick(o.pollsPerJobPerMinute, pollsPerJobPerMinute));
  }

  private static Integer pick(Integer a, Integer b) {
    return a != null ? a : b;
  }
}
