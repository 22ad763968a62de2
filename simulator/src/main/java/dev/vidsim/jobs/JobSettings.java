package dev.vidsim.jobs;

import java.time.Duration;
import java.util.Map;

/**
 * The scenario settings the job feature needs, and nothing else of the scenario.
 *
 * @param syncModels synchronous models and how long their create waits (simulated time)
 */
public record JobSettings(String currency, Duration contentTtl, Duration idempotencyTtl,
                          Map<String, Duration> syncModels) {
  public JobSettings {
    syncModels = Map.copyOf(syncModels);
  }
}
