package dev.vidsim.tck;

import dev.vidsim.checker.ClientLog;
import dev.vidsim.checker.Evidence;
import dev.vidsim.checker.Exchange;
import dev.vidsim.checker.JobFacts;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.statistics.Statistics;

/**
 * What a run exercised. The property fails unless the cases that matter happened often enough:
 * a suite that never loses a response cannot prove anything about lost responses.
 */
public final class Coverage {
  /** Share of tries (percent) in which each interesting case must occur at least. */
  static final double LOST_RESPONSES_MIN = 5;
  static final double RETRY_AFTER_MIN = 5;
  static final double TIMEOUTS_CHARGED_MIN = 1;
  static final double MODEL_REMOVED_MIN = 2;
  static final double WEBHOOK_DUPLICATES_MIN = 1;

  private Coverage() {}

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

  /** Records the facts and declares the minimum coverage jqwik checks after the last try. */
  static void collectAndRequire(Facts f) {
    Statistics.label("lost response (charged, answer lost)").collect(f.lostResponse());
    Statistics.label("429 with Retry-After").collect(f.retryAfter429());
    Statistics.label("timeout charged").collect(f.timeoutCharged());
    Statistics.label("model removed").collect(f.modelRemoved());
    Statistics.label("webhook duplicate delivered").collect(f.webhookDuplicate());
    Statistics.label("create 409 in flight").collect(f.inFlight409());
    Statistics.label("restart mid-create").collect(f.restartMidCreate());
    require("lost response (charged, answer lost)", LOST_RESPONSES_MIN);
    require("429 with Retry-After", RETRY_AFTER_MIN);
    require("timeout charged", TIMEOUTS_CHARGED_MIN);
    require("model removed", MODEL_REMOVED_MIN);
    if (SimHost.shared().hasWebhooks()) {
      require("webhook duplicate delivered", WEBHOOK_DUPLICATES_MIN);
    }
  }

  private static void require(String label, double minPercent) {
    Statistics.label(label).coverage(c -> c.check(true).percentage((Double p) -> {
      if (p < minPercent) {
        throw new AssertionError("coverage: '" + label + "' occurred in " + p + " % of tries;"
            + " the suite needs at least " + minPercent + " % to prove anything about it");
      }
    }));
  }
}
