package dev.vidsim.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How webhooks are delivered.
 *
 * @param retries  waits (simulated time) before each retry of a failed attempt; its size bounds
 *                 the attempts per event (retries + 1)
 * @param timeout  real time one attempt may take before it counts as failed
 * @param allow    hosts targets may point at besides loopback (exact names, never resolved)
 * @param tenantUrls per-tenant callback URL for jobs created without a webhookUrl
 */
public record WebhookConfig(List<Duration> retries, Duration timeout, List<String> allow,
                            Map<String, String> tenantUrls) {
  /** The Standard Webhooks reference schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
  public static final List<Duration> STANDARD_RETRIES = List.of(Duration.ofSeconds(5),
      Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
      Duration.ofHours(10), Duration.ofHours(10));
  public static final WebhookConfig DEFAULT = new WebhookConfig(STANDARD_RETRIES,
      Duration.ofSeconds(5), List.of(), Map.of());

  public WebhookConfig {
    retries = List.copyOf(retries);
    allow = List.copyOf(allow);
    tenantUrls = Map.copyOf(tenantUrls);
  }

  public int attemptsMax() {
    return retries.size() + 1;
  }
}
