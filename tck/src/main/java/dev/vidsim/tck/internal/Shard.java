package dev.vidsim.tck.internal;

/**
 * One slice of a TCK run spread over several machines: {@code -Dvidsim.tck.shards=N
 * -Dvidsim.tck.shard=i} (i from 0). Every shard runs its own simulator and its share of the
 * tries from its own seed, derived from one base seed ({@code -Dvidsim.tck.seed}, else the
 * property's pinned seed, else {@link #BASE_SEED_DEFAULT}): the shards' seeds are distinct, their
 * tries add up to the unsharded total, and the same N, i and base seed always give the same slice.
 * One shard (the default) is the unsharded run, unchanged.
 */
public record Shard(int count, int index) {
  public static final String SHARDS = "vidsim.tck.shards";
  public static final String SHARD = "vidsim.tck.shard";
  public static final String SEED = "vidsim.tck.seed";
  /** Base seed when neither the command line nor the property pins one. */
  public static final long BASE_SEED_DEFAULT = 20261207L;
  /** SplitMix64's increment: distinct shard indexes give distinct mixer inputs. */
  private static final long GAMMA = 0x9E3779B97F4A7C15L;

  public Shard {
    if (count < 1) throw new IllegalArgumentException(SHARDS + " must be >= 1, got " + count);
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException(SHARD + " must be in [0, " + count + "), got " + index);
    }
  }

  /** The shard this JVM runs, from the system properties; one shard when none is set. */
  public static Shard current() {
    return new Shard(Integer.getInteger(SHARDS, 1), Integer.getInteger(SHARD, 0));
  }

  public boolean isSharded() {
    return count > 1;
  }

  /** This shard's share of {@code total} tries: the first {@code total % count} get one more. */
  public int tries(int total) {
    if (total < 0) throw new IllegalArgumentException("tries must be >= 0, got " + total);
    return total / count + (index < total % count ? 1 : 0);
  }

  /**
   * This shard's seed: the base itself when unsharded, else the SplitMix64 mix of base and
   * index. The mix is a bijection, so different indexes never share a seed.
   */
  public long seed(long base) {
    if (!isSharded()) return base;
    long z = base + (index + 1L) * GAMMA;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public String toString() {
    return "shard " + index + " of " + count;
  }
}
