package dev.vidsim.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one delivery attempt of an event is identified and signed: the headers it carries,
 * computed at the attempt's own time. Standard Webhooks unless the job's provider signs
 * otherwise (fal with Ed25519, OpenRouter with its own HMAC): the engine adapts a dialect's
 * {@code WebhookShape#signature} to this, the one way every attempt is signed.
 */
@FunctionalInterface
public interface Signing {
  /** Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature (v1, base64). */
  Signing STANDARD = (event, timestamp, secret) -> {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("webhook-id", event.id());
    h.put("webhook-timestamp", Long.toString(timestamp));
    h.put("webhook-signature", Signer.sign(secret, event.id(), timestamp, event.body()));
    return h;
  };

  /**
   * @param timestamp the attempt's time, epoch seconds (simulated clock)
   * @param secret    the tenant's signing secret ({@code whsec_...})
   */
  Map<String, String> headers(Event event, long timestamp, String secret);
}
