package dev.vidsim.engine;

/**
 * The public half of the simulator's Ed25519 webhook key, as a provider that signs with one
 * publishes it (fal's JWKS): derived from the scenario's seed, the same on every run.
 *
 * @param keyId     a short stable name (a JWK's {@code kid})
 * @param publicKey the raw 32 bytes (a JWK's {@code x}, before base64url)
 */
public record WebhookKey(String keyId, byte[] publicKey) {
  public WebhookKey {
    publicKey = publicKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }
}
