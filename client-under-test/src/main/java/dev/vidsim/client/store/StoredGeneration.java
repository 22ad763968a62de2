package dev.vidsim.client.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the client must remember about one logical generation to never pay for it twice: its
 * idempotency key and exact request body (saved before the first send), then the job id.
 *
 * @param jobId    null until the provider has answered the create (or a lookup found the job)
 * @param refused  models the provider definitely refused for this generation (404/403 "gone"),
 *                 one entry per refused create, saved before anything else happens, so no
 *                 resume sends that create again and the number of model switches is bounded
 * @param deadline when the client gives up on the job; kept across restarts, null if unknown
 */
public record StoredGeneration(String generationId, String idempotencyKey, String model,
                               String requestBody, String jobId, Instant savedAt,
                               List<String> refused, Instant deadline) {
  public StoredGeneration {
    Objects.requireNonNull(generationId, "generationId");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(requestBody, "requestBody");
    refused = refused == null ? List.of() : List.copyOf(refused);
  }

  public StoredGeneration(String generationId, String idempotencyKey, String model,
                          String requestBody, String jobId, Instant savedAt) {
    this(generationId, idempotencyKey, model, requestBody, jobId, savedAt, List.of(), null);
  }

  public StoredGeneration withJob(String newJobId, Instant at) {
    return new StoredGeneration(generationId, idempotencyKey, model, requestBody, newJobId, at,
        refused, deadline);
  }

  /** The provider refused this record's own model: its key made no job and is never resent. */
  public StoredGeneration withRefused(String refusedModel, Instant at) {
    List<String> r = new ArrayList<>(refused);
    r.add(refusedModel);
    return new StoredGeneration(generationId, idempotencyKey, model, requestBody, jobId, at, r,
        deadline);
  }

  public StoredGeneration withDeadline(Instant d) {
    return new StoredGeneration(generationId, idempotencyKey, model, requestBody, jobId, savedAt,
        refused, d);
  }

  public boolean hasJob() {
    return jobId != null;
  }

  /** The create sent with this key got a definite "model gone": there is nothing to look up. */
  public boolean isRefused() {
    return jobId == null && model != null && refused.contains(model);
  }
}
