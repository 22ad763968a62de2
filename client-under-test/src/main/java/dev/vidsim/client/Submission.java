package dev.vidsim.client;

import dev.vidsim.client.catalog.ModelChoice;
import java.time.Instant;

/**
 * A generation the provider has accepted: its job, key and the model choice behind it.
 *
 * @param resumed  true when the job already existed (same generationId, or found by its key
 *                 after a lost response) and no new create was charged for it
 * @param deadline when the client gives up on the job (cancels or flags it)
 */
public record Submission(String generationId, String idempotencyKey, VideoJob job,
                         ModelChoice choice, boolean resumed, Instant deadline) {}
