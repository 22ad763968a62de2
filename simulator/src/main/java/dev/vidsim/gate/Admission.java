package dev.vidsim.gate;

import dev.vidsim.errors.SimException;
import dev.vidsim.faults.Effect;
import dev.vidsim.faults.FaultRule;
import dev.vidsim.faults.JobOutcome;
import dev.vidsim.limits.RateLimitFacts;
import java.time.Duration;

/**
 * What the gate (faults, then rate limits) decided about one request before it executes.
 *
 * @param reject  answer this error without executing; null: go ahead
 * @param drop    close the connection without any response (not executed, or after a lost one)
 * @param rate    rate-limit state and any wait asked of the client; each dialect writes it
 * @param latency extra response time to simulate
 * @param lost    the rule that loses the response of an executed create, or null
 * @param outcome how a job created by this request ends, or null (normally)
 * @param slotOf  the tenant whose concurrent-job slot this create holds until it has run (so
 *                two racing creates cannot both pass the limit), or null
 * @param answer  the fault effect whose status answers the request (its redirect and extra
 *                headers), or null
 */
public record Admission(SimException reject, boolean drop, RateLimitFacts rate,
                        Duration latency, FaultRule lost, JobOutcome outcome, String slotOf,
                        Effect answer) {
  public static final Admission PASS = new Admission(null, false, RateLimitFacts.NONE,
      Duration.ZERO, null, null, null, null);

  /** Answered with a redirect (3xx and Location) instead of executing. */
  public boolean redirects() {
    return answer != null && answer.redirects();
  }

  /** Dropped before executing: the client sees a closed connection and nothing was done. */
  public boolean dropsUnexecuted() {
    return drop && lost == null;
  }

  /** The error the client gets after its create was executed and charged. */
  public SimException lostError() {
    return FaultErrors.of(lost, lost.effect().lostStatus(), null);
  }
}
