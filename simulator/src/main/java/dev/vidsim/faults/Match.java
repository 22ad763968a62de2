package dev.vidsim.faults;

import java.time.Duration;
import java.time.Instant;

/**
 * Which requests a rule applies to. Null criteria match anything.
 *
 * @param endpoint null: every API endpoint (never webhook deliveries)
 * @param nth      the rule first fires on the n-th matching request (1-based)
 * @param times    how many times it fires; null: unlimited (1 when nth is given)
 * @param from     start of the simulated-time window, since the scenario start
 * @param until    end of the window (exclusive)
 * @param probability chance it fires on a matching request, drawn from a seeded stream
 * @param upstream an aggregator's upstream provider: the rule applies only to the aggregator's
 *                 attempts on it (its outage), never to requests; null: never to attempts
 */
public record Match(Endpoint endpoint, String tenant, String model, String region, String tier,
                    String event, Integer nth, Integer times, Duration from, Duration until,
                    Double probability, String upstream) {
  public static final Match ANY = new Match(null, null, null, null, null, null, null, null, null,
      null, null, null);

  /** Everything but the counting criteria (nth, times, probability). */
  boolean selects(RequestFacts f, Instant start, Instant now) {
    if (endpoint == null ? f.endpoint() == Endpoint.WEBHOOK : endpoint != f.endpoint()) {
      return false;
    }
    // an upstream rule is that provider's outage: it sees attempts, the others see requests
    if (upstream == null ? f.upstream() != null : !upstream.equals(f.upstream())) return false;
    if (!same(tenant, f.tenant()) || !same(model, f.model()) || !same(region, f.region())
        || !same(tier, f.tier()) || !same(event, f.event())) {
      return false;
    }
    Duration since = Duration.between(start, now);
    if (from != null && since.compareTo(from) < 0) return false;
    return until == null || since.compareTo(until) < 0;
  }

  int timesOrDefault() {
    if (times != null) return times;
    return nth != null ? 1 : Integer.MAX_VALUE;
  }

  private static boolean same(String wanted, String actual) {
    return wanted == null || wanted.equals(actual);
  }
}
