package dev.vidsim.client.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.client.store.JobStore;

/**
 * The provider dialects the reference client speaks. {@link #VIDSIM} is vidsim's own
 * {@code /v1} (idempotency keys, lookups by key, a priced catalog, usage); the others are the
 * providers' APIs as vidsim serves them under their prefixes, relative to the same base URL.
 */
public enum Dialect {
  VIDSIM,
  /** OpenAI-compatible {@code /openai/v1/videos} (Bearer). */
  OPENAI,
  /** Replicate predictions by model at {@code /replicate/v1} (Bearer). */
  REPLICATE,
  /** fal's queue API at {@code /fal/queue} ({@code Authorization: Key}). */
  FAL,
  /** Veo on the Gemini API: predictLongRunning + operations ({@code x-goog-api-key}). */
  GEMINI,
  /** Veo on Vertex AI: predictLongRunning + fetchPredictOperation ({@code x-goog-api-key}). */
  VERTEX,
  /** Runway's tasks at {@code /runway/v1} (Bearer, {@code X-Runway-Version}). */
  RUNWAY,
  /** The OpenRouter-style aggregator's videos at {@code /openrouter/api/v1} (Bearer). */
  OPENROUTER;

  /**
   * The wire for this dialect, or null for vidsim's own API (which needs no translation).
   *
   * @param priceSheet the models and prices the integrator keeps for this provider, in the form
   *                   of vidsim's {@code GET /v1/models} {@code data} (providers publish prices
   *                   on pages, not in their APIs)
   * @param store      the client's generations: which jobs are already claimed, what was sent
   * @param pollFloor  the least time between two status reads of one job, kept by the reads a
   *                   wire makes of its own (before a cancel, say)
   * @param statusRead told each job (in vidsim's shape) such a read of its own found
   */
  public ProviderWire wire(String apiKey, JsonNode priceSheet, JobStore store,
                           dev.vidsim.client.ClientClock clock, java.time.Duration pollFloor,
                           java.util.function.Consumer<JsonNode> statusRead) {
    WireContext c = new WireContext(apiKey, priceSheet, store, clock, pollFloor, statusRead);
    return switch (this) {
      case VIDSIM -> null;
      case OPENAI -> new OpenAiWire(c);
      case REPLICATE -> new ReplicateWire(c);
      case FAL -> new FalWire(c);
      case GEMINI -> new VeoWire(c, false);
      case VERTEX -> new VeoWire(c, true);
      case RUNWAY -> new RunwayWire(c);
      case OPENROUTER -> new OpenRouterWire(c);
    };
  }
}
