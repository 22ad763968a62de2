package dev.vidsim.faults;

import java.time.Duration;
import java.util.List;

/**
 * The fault rules that fired for one request, folded: the first main effect wins, latencies add
 * up.
 *
 * @param response the rule deciding the response (error, drop, lost response), or null
 * @param latency  total extra latency (zero when none)
 * @param outcome  how the created job ends, or null
 * @param webhook  what happens to a webhook event, or null
 */
public record Decision(FaultRule response, Duration latency, JobOutcome outcome,
                       WebhookFault webhook, List<String> fired) {
  public static final Decision NONE = new Decision(null, Duration.ZERO, null, null, List.of());

  public boolean isNone() {
    return fired.isEmpty();
  }
}
