package dev.vidsim.client;

import dev.vidsim.client.catalog.ModelChoice;
import java.time.Instant;

/**
 * A generation the provider has accepted: its job, key and the model choice behind it.
 *
 * @param resumed  true when the job already existed (same generationId, or found by its key
 *                 after a lost response) and no new create was charged for it
 * @param choice   the model choice behind the job; null when a resumed job's model is no
 *                 longer in the catalog
 * @param deadline when the client gives up on the job (cancels or flags it); kept across
 *                 restarts in the job store
 * @param webhook  the create asked for a webhook, so waiting may rely on one
 */
public record Submission(String generationId, String idempotencyKey, VideoJob job,
                         ModelChoice choice, boolean resumed, Instant deadline,
                         boolean webhook) {}
