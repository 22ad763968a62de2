package dev.vidsim.faults;

import dev.vidsim.catalog.Latency;
import java.time.Duration;
import java.util.Map;

/**
 * What a rule does when it fires. A rule has one main effect (an error status, a dropped
 * connection, a lost response, a job outcome or a webhook fault), optionally with latency.
 *
 * @param status         status to answer instead of executing (with lostResponse: after): an
 *                       error 400..599, or a redirect 300..399 with its {@code location}
 * @param retryAfter     Retry-After delay
 * @param retryAfterDate true: send Retry-After as an HTTP-date rather than seconds
 * @param latency        extra response time, fixed or a uniform range
 * @param drop           close the connection without a response
 * @param lostResponse   execute (and charge) the create, then answer an error or drop
 * @param location       the Location a redirect answers with, or null
 * @param headers        extra response headers of the answer (empty: none)
 */
public record Effect(Integer status, String message, Duration retryAfter, boolean retryAfterDate,
                     Latency.Range latency, boolean drop, boolean lostResponse,
                     JobOutcome outcome, WebhookFault webhook, String location,
                     Map<String, String> headers) {
  public Effect {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  /** Answers without executing the request. */
  public boolean rejects() {
    return !lostResponse && (status != null || drop);
  }

  /** Answers with a 3xx and its Location instead of executing (never followed by vidsim). */
  public boolean redirects() {
    return status != null && status < 400 && !lostResponse;
  }

  /** The status the client gets after a lost response: 500 unless given. */
  public int lostStatus() {
    return status != null ? status : 500;
  }
}
