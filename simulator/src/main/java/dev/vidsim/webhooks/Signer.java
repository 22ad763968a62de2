package dev.vidsim.webhooks;

import dev.vidsim.random.SimRandom;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} keyed by
 * the base64-decoded part of a {@code whsec_} secret. Secrets are drawn from the seed.
 */
public final class Signer {
  public static final String PREFIX = "whsec_";
  static final int KEY_BYTES = 24;

  private Signer() {}

  /** The tenant's signing secret, the same for the same seed and key. */
  public static String secretFor(SimRandom random, String tenant) {
    var r = random.stream("webhook-secret/" + tenant);
    byte[] key = new byte[KEY_BYTES];
    for (int i = 0; i < key.length; i++) key[i] = (byte) r.nextInt(256);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  public static String sign(String secret, String id, long timestamp, String body) {
    if (!secret.startsWith(PREFIX)) throw new IllegalArgumentException("secret must start whsec_");
    byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] sig = mac.doFinal((id + "." + timestamp + "." + body)
          .getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(sig);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
