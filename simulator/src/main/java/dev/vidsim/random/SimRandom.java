package dev.vidsim.random;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded randomness split into named streams ("ids/sk-alice", "latency/sk-alice/clip-1"), so one
 * tenant's traffic never shifts another tenant's draws and the same seed and requests give the
 * same journal.
 */
public final class SimRandom {
  private final long seed;
  private final Map<String, SplittableRandom> streams = new HashMap<>();

  public SimRandom(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  public SplittableRandom stream(String name) {
    return streams.computeIfAbsent(name, n -> new SplittableRandom(mix(seed ^ fnv1a(n))));
  }

  /** A lowercase hex id of {@code chars} characters drawn from the named stream. */
  public String hexId(String stream, int chars) {
    SplittableRandom r = stream(stream);
    StringBuilder sb = new StringBuilder(chars);
    while (sb.length() < chars) {
      long bits = r.nextLong(); // 16 digits, leading zeros kept
      for (int shift = 60; shift >= 0 && sb.length() < chars; shift -= 4) {
        sb.append(Character.forDigit((int) (bits >>> shift) & 0xf, 16));
      }
    }
    return sb.toString();
  }

  private static long fnv1a(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
