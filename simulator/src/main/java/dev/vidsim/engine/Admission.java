package dev.vidsim.engine;

import dev.vidsim.faults.FaultRule;
import dev.vidsim.faults.JobOutcome;
import java.time.Duration;
import java.util.Map;

/**
 * What the gate (faults, then rate limits) decided about one request before it executes.
 *
 * @param reject  answer this error without executing; null: go ahead
 * @param drop    close the connection without any response (not executed, or after a lost one)
 * @param headers response headers to send whatever happens (rate-limit state, Retry-After)
 * @param latency extra response time to simulate
 * @param lost    the rule that loses the response of an executed create, or null
 * @param outcome how a job created by this request ends, or null (normally)
 * @param slotOf  the tenant whose concurrent-job slot this create holds until it has run (so
 *                two racing creates cannot both pass the limit), or null
 */
public record Admission(SimException reject, boolean drop, Map<String, String> headers,
                        Duration latency, FaultRule lost, JobOutcome outcome, String slotOf) {
  public static final Admission PASS = new Admission(null, false, Map.of(), Duration.ZERO, null,
      null, null);

  public Admission {
    headers = Map.copyOf(headers);
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
