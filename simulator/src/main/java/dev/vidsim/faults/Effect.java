package dev.vidsim.faults;

import dev.vidsim.catalog.Latency;
import java.time.Duration;

/**
 * What a rule does when it fires. A rule has one main effect (an error status, a dropped
 * connection, a lost response, a job outcome or a webhook fault), optionally with latency.
 *
 * @param status         error status to answer instead of executing (with lostResponse: after)
 * @param retryAfter     Retry-After delay
 * @param retryAfterDate true: send Retry-After as an HTTP-date rather than seconds
 * @param latency        extra response time, fixed or a uniform range
 * @param drop           close the connection without a response
 * @param lostResponse   execute (and charge) the create, then answer an error or drop
 */
public record Effect(Integer status, String message, Duration retryAfter, boolean retryAfterDate,
                     Latency.Range latency, boolean drop, boolean lostResponse,
                     JobOutcome outcome, WebhookFault webhook) {
  /** Answers without executing the request. */
  public boolean rejects() {
    return !lostResponse && (status != null || drop);
  }

  /** The status the client gets after a lost response: 500 unless given. */
  public int lostStatus() {
    return status != null ? status : 500;
  }
}
