package dev.vidsim.dialect.openrouter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.clock.InstantText;
import dev.vidsim.engine.WebhookShape;
import dev.vidsim.http.Json;
import dev.vidsim.jobs.JobView;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OpenRouter's {@code callback_url} events {@code video.generation.{completed,failed,cancelled,
 * expired}}: the body is {@code {type, created_at, data: <the video response>}}, sent with
 * {@code X-OpenRouter-Idempotency-Key: <job>-<status>} and {@code X-OpenRouter-Signature:
 * t=<ts>,v1=<hex>}, the lowercase hex HMAC-SHA256 of {@code <ts>,<raw body>} keyed by the UTF-8
 * bytes of the tenant's signing secret ({@code GET /v1/webhooks/secret}). OpenRouter's webhook
 * guide and its openrouter-video skill name the envelope and the signed string but not the
 * encoding; every independent receiver read (2026-12, several public repositories, one quoting
 * the guide as {@code v1=<hex HMAC-SHA256>}) verifies lowercase hex. The guide's own receiver
 * code was not readable here, so hex stays UNVERIFIED at the source; the SDK has no verifier.
 */
final class OpenRouterWebhooks {
  static final String PREFIX = "video.generation.";

  private OpenRouterWebhooks() {}

  static WebhookShape shape(Supplier<String> server) {
    return new WebhookShape() {
      @Override
      public String eventType(JobView j) {
        String status = OpenRouterWire.status(j);
        return status.equals("pending") || status.equals("in_progress") ? null : PREFIX + status;
      }

      @Override
      public String body(String eventId, java.time.Instant at, String type, JobView j) {
        ObjectNode o = Json.object().put("type", type).put("created_at", InstantText.of(at));
        o.set("data", OpenRouterWire.video(j, server.get()));
        return o.toString();
      }

      @Override
      public Map<String, String> signature(Delivery d) {
        return headers(d.jobId(), d.type(), d.body(), d.timestamp(), d.secret());
      }
    };
  }

  static Map<String, String> headers(String jobId, String type, String body, long timestamp,
                                     String secret) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("X-OpenRouter-Idempotency-Key", jobId + "-" + type.substring(PREFIX.length()));
    h.put("X-OpenRouter-Signature", "t=" + timestamp + ",v1=" + sign(secret, timestamp, body));
    return h;
  }

  static String sign(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal((timestamp + "," + body)
          .getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException x) {
      throw new IllegalStateException("HmacSHA256 unavailable", x);
    }
  }
}
