package dev.vidsim.dialect.fal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.engine.WebhookKey;
import dev.vidsim.engine.WebhookShape;
import dev.vidsim.http.Json;
import dev.vidsim.jobs.JobStatus;
import dev.vidsim.jobs.JobView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * fal's webhook: {@code {request_id, gateway_request_id, status: OK|ERROR, payload, error}}
 * when a request completes, signed with Ed25519 as fal signs: {@code X-Fal-Webhook-Request-Id},
 * {@code -User-Id}, {@code -Timestamp} and {@code -Signature}, the hex signature of those three
 * and the hex SHA-256 of the body, joined by newlines. Receivers verify it with the public key
 * the simulator publishes at {@value #JWKS} (fal's own is at
 * {@code https://rest.alpha.fal.ai/.well-known/jwks.json}).
 */
final class FalWebhooks implements WebhookShape {
  static final String JWKS = "/fal/.well-known/jwks.json";
  private final Supplier<String> server;

  /** @param server the simulator's base URL, for the output's URL in the payload */
  FalWebhooks(Supplier<String> server) {
    this.server = server;
  }

  @Override
  public String eventType(JobView job) {
    return job.status() == JobStatus.SUCCEEDED ? "OK" : "ERROR";
  }

  @Override
  public String body(String eventId, Instant createdAt, String type, JobView job) {
    return FalWire.webhook(job, type, server.get()).toString();
  }

  @Override
  public Map<String, String> signature(Delivery d) {
    String user = userId(d.tenant());
    String message = String.join("\n", d.jobId(), user, Long.toString(d.timestamp()),
        HexFormat.of().formatHex(sha256(d.body().getBytes(StandardCharsets.UTF_8))));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Fal-Webhook-Request-Id", d.jobId());
    headers.put("X-Fal-Webhook-User-Id", user);
    headers.put("X-Fal-Webhook-Timestamp", Long.toString(d.timestamp()));
    headers.put("X-Fal-Webhook-Signature", HexFormat.of().formatHex(
        d.ed25519().apply(message.getBytes(StandardCharsets.UTF_8))));
    return headers;
  }

  /**
   * The account's fal user id: derived from its key so it never shows the key itself. fal's
   * webhook docs name the header but show no value, and @fal-ai/client 1.10.1 never reads it
   * (re-checked 2026-12): the form of real user ids stays UNVERIFIED; receivers should only
   * pass it on to the signed message, as fal's verification steps do.
   */
  static String userId(String tenant) {
    return "user_" + HexFormat.of().formatHex(sha256(("fal-user/" + tenant)
        .getBytes(StandardCharsets.UTF_8)), 0, 12);
  }

  /** A JSON Web Key Set (RFC 7517) with the one Ed25519 key (RFC 8037: kty OKP). */
  static ObjectNode jwks(WebhookKey key) {
    ObjectNode o = Json.object();
    o.putArray("keys").addObject().put("kty", "OKP").put("crv", "Ed25519")
        .put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(key.publicKey()))
        .put("kid", key.keyId()).put("use", "sig").put("alg", "EdDSA");
    return o;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
