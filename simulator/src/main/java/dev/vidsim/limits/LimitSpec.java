package dev.vidsim.limits;

/**
 * A tenant's rate limits; null means unlimited.
 *
 * @param requestsPerMinute    sustained request rate of the token bucket (all /v1 calls)
 * @param burst                bucket size: requests allowed at once (default requestsPerMinute)
 * @param concurrentJobs       queued plus in-progress jobs at a time, or with {@code overLimit}
 *                             queue, in-progress jobs at a time
 * @param pollsPerJobPerMinute status polls of one job per minute (a bucket per job)
 * @param overLimit            what a create over {@code concurrentJobs} gets: REJECT (429, the
 *                             default) or QUEUE (accepted, waits queued for a free slot, as
 *                             fal does); null inherits
 * @param createsPerDay        jobs a tenant may create per simulated UTC day (Runway's
 *                             {@code maxDailyGenerations}); one more is a 429 until midnight
 */
public record LimitSpec(Integer requestsPerMinute, Integer burst, Integer concurrentJobs,
                        Integer pollsPerJobPerMinute, OverLimit overLimit,
                        Integer createsPerDay) {
  public static final LimitSpec NONE = new LimitSpec(null, null, null, null, null, null);

  /** What happens to a create over the concurrent-job limit. */
  public enum OverLimit {
    REJECT, QUEUE;

    public static OverLimit parse(String text) {
      for (OverLimit o : values()) {
        if (o.name().equalsIgnoreCase(text)) return o;
      }
      throw new IllegalArgumentException("expected reject or queue, got \"" + text + "\"");
    }
  }

  public LimitSpec {
    check("requestsPerMinute", requestsPerMinute);
    check("burst", burst);
    check("concurrentJobs", concurrentJobs);
    check("pollsPerJobPerMinute", pollsPerJobPerMinute);
    check("createsPerDay", createsPerDay);
  }

  public LimitSpec(Integer requestsPerMinute, Integer burst, Integer concurrentJobs,
                   Integer pollsPerJobPerMinute, OverLimit overLimit) {
    this(requestsPerMinute, burst, concurrentJobs, pollsPerJobPerMinute, overLimit, null);
  }

  public LimitSpec(Integer requestsPerMinute, Integer burst, Integer concurrentJobs,
                   Integer pollsPerJobPerMinute) {
    this(requestsPerMinute, burst, concurrentJobs, pollsPerJobPerMinute, null, null);
  }

  private static void check(String name, Integer value) {
    if (value != null && value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, got " + value);
    }
  }

  public int burstOrDefault() {
    return burst != null ? burst : requestsPerMinute;
  }

  /** Creates over the concurrent-job limit wait queued instead of getting a 429. */
  public boolean queuesOverLimit() {
    return concurrentJobs != null && overLimit == OverLimit.QUEUE;
  }

  /** This spec with the other's non-null fields on top. */
  public LimitSpec overriddenBy(LimitSpec o) {
    return new LimitSpec(pick(o.requestsPerMinute, requestsPerMinute), pick(o.burst, burst),
        pick(o.concurrentJobs, concurrentJobs), pick(o.pollsPerJobPerMinute, pollsPerJobPerMinute),
        pick(o.overLimit, overLimit), pick(o.createsPerDay, createsPerDay));
  }

  private static <T> T pick(T a, T b) {
    return a != null ? a : b;
  }
}
