package dev.vidsim.jobs;

import java.time.Duration;
import java.util.Map;

/**
 * The scenario settings the job feature needs, and nothing else of the scenario.
 *
 * @param syncModels synchronous models and how long their create waits (simulated time)
 * @param keyless    models that ignore Idempotency-Key: every request is a new job and charge
 * @param maxJobs    jobs held in memory, finished or not (see {@link JobStore})
 */
public record JobSettings(String currency, Duration contentTtl, Duration idempotencyTtl,
                          Map<String, Duration> syncModels, java.util.Set<String> keyless,
                          int maxJobs) {
  public JobSettings {
    syncModels = Map.copyOf(syncModels);
    keyless = java.util.Set.copyOf(keyless);
  }
}
