package dev.vidsim.client.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What the client must remember about one logical generation to never pay for it twice: its
 * idempotency key and exact request body (saved before the first send), then the job id.
 *
 * @param jobId null until the provider has answered the create (or a lookup found the job)
 */
public record StoredGeneration(String generationId, String idempotencyKey, String model,
                               String requestBody, String jobId, Instant savedAt) {
  public StoredGeneration {
    Objects.requireNonNull(generationId, "generationId");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(requestBody, "requestBody");
  }

  public StoredGeneration withJob(String newJobId, Instant at) {
    return new StoredGeneration(generationId, idempotencyKey, model, requestBody, newJobId, at);
  }

  public boolean hasJob() {
    return jobId != null;
  }
}
