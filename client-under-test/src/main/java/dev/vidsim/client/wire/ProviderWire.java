package dev.vidsim.client.wire;

import dev.vidsim.client.ApiResponse;
import java.io.IOException;

/**
 * How the client speaks one provider's dialect. The client's careful behaviour (keys saved
 * before sending, retries, lookups before a retry, polling, deadlines, its cost ledger) is
 * written once against vidsim's own {@code /v1} calls; a wire answers each such call with the
 * provider's requests and translates the answer back: a job as {@code /v1} shows it, an error as
 * {@code {"error":{"code","message"}}} in the client's vocabulary, the provider's HTTP status and
 * {@code Retry-After} kept.
 */
public interface ProviderWire {
  /** What the provider offers beyond create, status and a price sheet. */
  Capabilities capabilities();

  /**
   * Answers one {@code /v1} call. Throws {@link dev.vidsim.client.ApiException} for a call the
   * provider cannot answer at all (e.g. a lookup by key on a provider without one).
   */
  ApiResponse exchange(WireCall call, Transport transport) throws IOException;

  /** Sends one request of the provider's own API, relative to the client's base URL. */
  @FunctionalInterface
  interface Transport {
    /** @param body JSON, or null for none */
    ApiResponse send(String method, String path, java.util.Map<String, String> headers,
                     String body) throws IOException;
  }
}
