package dev.vidsim.client.webhook;

import dev.vidsim.client.ClientClock;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Standard Webhooks signatures: {@code webhook-signature} holds one or more
 * space-separated {@code v1,<base64 HMAC-SHA256("{id}.{timestamp}.{body}")>}; the key is the
 * base64 after {@code whsec_}. Compares in constant time and rejects timestamps outside the
 * tolerance, so a captured delivery cannot be replayed later.
 */
public final class WebhookVerifier {
  private final byte[] key;
  private final Duration tolerance;
  private final ClientClock clock;

  public WebhookVerifier(String secret, Duration tolerance, ClientClock clock) {
    this.key = decodeSecret(secret);
    this.tolerance = tolerance;
    this.clock = clock;
  }

  static byte[] decodeSecret(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("webhook secret is empty; expected whsec_<base64>");
    }
    String b64 = secret.startsWith("whsec_") ? secret.substring(6) : secret;
    try {
      return Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("webhook secret is not whsec_<base64>", e);
    }
  }

  /** @throws WebhookRejectedException saying what was wrong */
  public void verify(String id, String timestamp, String signatureHeader, String body) {
    if (id == null || timestamp == null || signatureHeader == null) {
      throw new WebhookRejectedException("missing webhook-id, webhook-timestamp or "
          + "webhook-signature header");
    }
    if (!timestamp.matches("\\d{1,12}")) {
      throw new WebhookRejectedException("webhook-timestamp is not whole seconds: " + timestamp);
    }
    Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
    Duration age = Duration.between(sent, clock.now()).abs();
    if (age.compareTo(tolerance) > 0) {
      throw new WebhookRejectedException("webhook-timestamp " + sent + " is " + age.toSeconds()
          + "s from now, more than the tolerance of " + tolerance.toSeconds() + "s");
    }
    byte[] expected = hmac(key, id + "." + timestamp + "." + body);
    for (String part : signatureHeader.trim().split(" +")) {
      int comma = part.indexOf(',');
      if (comma < 0 || !part.substring(0, comma).equals("v1")) continue;
      byte[] given;
      try {
        given = Base64.getDecoder().decode(part.substring(comma + 1));
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (MessageDigest.isEqual(expected, given)) return;
    }
    throw new WebhookRejectedException("no v1 signature in webhook-signature matches the body");
  }

  /** The header value a sender would put in {@code webhook-signature}. */
  public static String sign(String secret, String id, long timestamp, String body) {
    return "v1," + Base64.getEncoder().encodeToString(
        hmac(decodeSecret(secret), id + "." + timestamp + "." + body));
  }

  private static byte[] hmac(byte[] key, String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
