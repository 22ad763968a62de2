package dev.vidsim.tck.internal;

import dev.vidsim.checker.ClientLog;
import dev.vidsim.checker.Evidence;
import dev.vidsim.checker.Exchange;
import dev.vidsim.checker.JobFacts;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.statistics.Statistics;

/**
 * What a run exercised. The property fails unless the cases that matter happened often enough:
 * a suite that never loses a response cannot prove anything about lost responses. Each case has
 * a rate the world is known to produce it at (measured, see the README); a run fails when the
 * case occurred fewer times than that rate makes plausible for its number of tries.
 */
public final class Coverage {
  /** How improbable a count must be, for a world that meets the rate, to fail the run. */
  static final double FALSE_ALARM = 1e-6;

  /** A case that matters, and the least share of tries it occurs in. */
  public enum Case {
    // rates: about half of what 1,000 tries of the reference client show (README)
    LOST_RESPONSE("lost response (charged, answer lost)", 0.5, Facts::lostResponse),
    RETRY_AFTER("429 with Retry-After", 0.5, Facts::retryAfter429),
    TIMEOUT_CHARGED("timeout charged", 0.04, Facts::timeoutCharged),
    MODEL_REMOVED("model removed", 0.04, Facts::modelRemoved),
    WEBHOOK_DUPLICATE("webhook duplicate delivered", 0.1, Facts::webhookDuplicate),
    IN_FLIGHT_409("create 409 in flight", 0.3, Facts::inFlight409),
    RESTART_MID_CREATE("restart mid-create", 0.4, Facts::restartMidCreate);

    final String label;
    final double rate;
    final java.util.function.Predicate<Facts> happened;

    Case(String label, double rate, java.util.function.Predicate<Facts> happened) {
      this.label = label;
      this.rate = rate;
      this.happened = happened;
    }
  }

  private Coverage() {}

  /** How many of a run's tries met each case, for a report. */
  public static String counts(java.util.Map<Case, Integer> met, int tries) {
    StringBuilder sb = new StringBuilder();
    for (Case c : Case.values()) {
      int n = met.getOrDefault(c, 0);
      sb.append(String.format("%n  %-40s %5d of %d tries (%.1f %%), minimum %d", c.label, n,
          tries, 100.0 * n / Math.max(1, tries), minimum(tries, c.rate)));
    }
    return sb.toString();
  }

  public static void count(Facts f, java.util.Map<Case, Integer> met) {
    for (Case c : Case.values()) if (c.happened.test(f)) met.merge(c, 1, Integer::sum);
  }

  /** Facts of one run. */
  public record Facts(boolean lostResponse, boolean retryAfter429, boolean timeoutCharged,
                      boolean modelRemoved, boolean webhookDuplicate, boolean webhooks,
                      boolean inFlight409, boolean restartMidCreate, int requests, int polls) {}

  static Facts facts(Evidence e, int restartsMidCreate) {
    boolean lost = false;
    boolean retryAfter = false;
    boolean removed = false;
    boolean inFlight = false;
    for (Exchange x : e.exchanges()) {
      inFlight |= x.isCreate() && "idempotency_in_flight".equals(x.errorCode());
      lost |= x.isCreate() && !x.createdJobs().isEmpty() && !x.succeeded();
      retryAfter |= x.status() == 429 && x.response() != null
          && x.response().fields().path("headers").has("Retry-After");
      // only an answer proves the client met the removal; a call after it proves nothing
      removed |= "model_not_found".equals(x.errorCode());
    }
    boolean timeout = false;
    for (JobFacts j : e.jobFacts().values()) {
      timeout |= "timed_out".equals(j.status()) && j.netUsage().isPositive();
    }
    boolean duplicate = false;
    Set<String> seen = new HashSet<>();
    ClientLog log = e.clientLog();
    for (ClientLog.WebhookHandling w : log == null ? java.util.List.<ClientLog.WebhookHandling>of()
        : log.webhooks()) {
      if (w.authentic() && !seen.add(w.webhookId())) duplicate = true;
    }
    boolean webhooks = e.journal().stream().anyMatch(j -> j.is("webhook_attempt"));
    return new Facts(lost, retryAfter, timeout, removed, duplicate, webhooks, inFlight,
        restartsMidCreate > 0, e.exchanges().size(),
        (int) e.exchanges().stream().filter(Exchange::isPoll).count());
  }

  /**
   * Records the facts and declares the minimum coverage jqwik checks after the last try. A
   * client whose provider takes no idempotency key (its key check waived) can meet neither a
   * 409 in flight nor a key to resume by after a restart: those two are not required of it.
   */
  public static void collectAndRequire(Facts f, java.util.Set<String> waived) {
    boolean webhooks = SimHost.shared().hasWebhooks();
    boolean keyless = waived.contains("creates_use_idempotency_key");
    for (Case c : Case.values()) {
      Statistics.label(c.label).collect(c.happened.test(f));
      boolean needsKeys = c == Case.IN_FLIGHT_409 || c == Case.RESTART_MID_CREATE;
      if ((c != Case.WEBHOOK_DUPLICATE || webhooks) && !(needsKeys && keyless)) require(c);
    }
  }

  private static void require(Case c) {
    Statistics.label(c.label).coverage(cov -> cov.check(true).count((Integer n, Integer tries)
        -> {
      int min = minimum(tries, c.rate);
      if (n < min) {
        throw new AssertionError("coverage: '" + c.label + "' occurred in " + n + " of " + tries
            + " tries; a world producing it in " + Math.round(c.rate * 100) + " % of tries"
            + " gives at least " + min + " but for one run in a million");
      }
    }));
  }

  /**
   * The least count a case occurring in {@code rate} of {@code tries} tries reaches but for
   * {@link #FALSE_ALARM} of runs: the largest m with P(Poisson(tries × rate) < m) within it.
   */
  static int minimum(int tries, double rate) {
    double lambda = tries * rate;
    if (lambda <= 0) return 0;
    double below = 0; // P(X < m)
    double logFactorial = 0; // log m!, summed as m grows (the same sum, in the same order)
    for (int m = 0; ; m++) {
      if (m >= 2) logFactorial += Math.log(m);
      double next = below + Math.exp(-lambda + m * Math.log(lambda) - logFactorial);
      if (next > FALSE_ALARM) return m;
      below = next;
    }
  }
}
