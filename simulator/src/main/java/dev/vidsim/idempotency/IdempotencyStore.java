package dev.vidsim.idempotency;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Idempotency-Key bookkeeping per tenant. A key is claimed ({@link #begin}) before the work and
 * settled with its outcome after it; a second request sees the outcome replayed, a fingerprint
 * mismatch, or the first request still in flight.
 *
 * @param <T> the stored outcome (the first response, success or failure)
 */
public final class IdempotencyStore<T> {
  private final Map<String, Entry<T>> entries = new HashMap<>();

  public sealed interface Begin<T> {}

  /** Nobody used this key: go ahead, then {@link #complete} or {@link #abandon}. */
  public record Fresh<T>() implements Begin<T> {}

  public record Replay<T>(T outcome) implements Begin<T> {}

  public record Mismatch<T>(String firstFingerprint) implements Begin<T> {}

  public record InFlight<T>() implements Begin<T> {}

  private static final class Entry<T> {
    final String fingerprint;
    final Instant firstSeen;
    T outcome;

    Entry(String fingerprint, Instant firstSeen) {
      this.fingerprint = fingerprint;
      this.firstSeen = firstSeen;
    }
  }

  public Begin<T> begin(String tenant, String key, String fingerprint, Instant now) {
    String id = id(tenant, key);
    Entry<T> e = entries.get(id);
    if (e == null) {
      entries.put(id, new Entry<>(fingerprint, now));
      return new Fresh<>();
    }
    if (!e.fingerprint.equals(fingerprint)) {
      return new Mismatch<>(e.fingerprint);
    }
    return e.outcome == null ? new InFlight<>() : new Replay<>(e.outcome);
  }

  public void complete(String tenant, String key, T outcome) {
    Entry<T> e = entries.get(id(tenant, key));
    if (e == null || e.outcome != null) {
      throw new IllegalStateException("key " + key + " was not begun or is already complete");
    }
    e.outcome = outcome;
  }

  /** The outcome a request with this key and body settled, or null (unknown, other body, open). */
  public T settled(String tenant, String key, String fingerprint) {
    Entry<T> e = entries.get(id(tenant, key));
    return e == null || !e.fingerprint.equals(fingerprint) ? null : e.outcome;
  }

  /** Whether a request with this key has begun and not yet settled its outcome. */
  public boolean inFlight(String tenant, String key) {
    Entry<T> e = entries.get(id(tenant, key));
    return e != null && e.outcome == null;
  }

  /** The request did not start executing (validation, rate limit): forget the key. */
  public void abandon(String tenant, String key) {
    entries.remove(id(tenant, key));
  }

  /** Forgets a key once its window has passed; returns whether it was known. */
  public boolean expire(String tenant, String key) {
    return entries.remove(id(tenant, key)) != null;
  }

  public int size() {
    return entries.size();
  }

  private static String id(String tenant, String key) {
    return tenant + "\u0000" + key;
  }
}
