package dev.vidsim.webhooks;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The simulator's own Ed25519 signing key (RFC 8032), made from 32 seed bytes with the JDK's
 * provider alone, so the same scenario seed gives the same key and the same signatures. Its
 * public half is what a provider publishes in its JWKS.
 */
public final class Ed25519Key {
  public static final int SEED_BYTES = 32;
  private final PrivateKey privateKey;
  private final byte[] publicKey;

  private Ed25519Key(KeyPair pair) {
    this.privateKey = pair.getPrivate();
    byte[] encoded = pair.getPublic().getEncoded(); // X.509: a fixed header, then the 32 bytes
    this.publicKey = Arrays.copyOfRange(encoded, encoded.length - SEED_BYTES, encoded.length);
  }

  /** The key whose private part is exactly these 32 bytes (RFC 8032's "private key"). */
  public static Ed25519Key fromSeed(byte[] seed) {
    if (seed.length != SEED_BYTES) {
      throw new IllegalArgumentException("an Ed25519 seed is 32 bytes, got " + seed.length);
    }
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
      // the JDK draws the private key as 32 random bytes: give it the seed as its randomness
      g.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
      return new Ed25519Key(g.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
    }
  }

  public byte[] sign(byte[] message) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(privateKey);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /** The raw 32-byte public key (a JWK's {@code x}, before base64url). */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** A short stable name for the key (a JWK's {@code kid}): hex of its first 8 bytes. */
  public String keyId() {
    return HexFormat.of().formatHex(publicKey, 0, 8);
  }

  /** Randomness that is the given bytes, once: how a seed becomes the generator's draw. */
  private static final class FixedBytes extends SecureRandom {
    private final byte[] bytes;
    private int used;

    FixedBytes(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] out) {
      if (used + out.length > bytes.length) {
        throw new IllegalStateException("the key generator asked for more than the seed");
      }
      System.arraycopy(bytes, used, out, 0, out.length);
      used += out.length;
    }
  }
}
