package dev.vidsim.tck.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Sharding a TCK run: disjoint seeds, complete tries, the same slice every time. */
class ShardTest {
  @Test
  void the_shards_tries_add_up_to_the_total_and_differ_by_at_most_one() {
    for (int n = 1; n <= 9; n++) {
      for (int total : new int[] {0, 1, 7, 1000, 1001}) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
          int tries = new Shard(n, i).tries(total);
          assertThat(tries).isBetween(total / n, total / n + 1);
          sum += tries;
        }
        assertThat(sum).as("%d tries over %d shards", total, n).isEqualTo(total);
      }
    }
  }

  @Test
  void every_shard_has_its_own_seed_and_the_same_one_every_time() {
    for (long base : new long[] {0, 1, -1, Shard.BASE_SEED_DEFAULT, Long.MAX_VALUE}) {
      for (int n = 2; n <= 64; n *= 2) {
        Set<Long> seeds = new HashSet<>();
        for (int i = 0; i < n; i++) {
          long seed = new Shard(n, i).seed(base);
          assertThat(new Shard(n, i).seed(base)).isEqualTo(seed);
          seeds.add(seed);
        }
        assertThat(seeds).as("seeds of %d shards from base %d", n, base).hasSize(n);
      }
    }
    assertThat(new Shard(1, 0).seed(42)).as("unsharded keeps its seed").isEqualTo(42);
  }

  @Test
  void a_shard_outside_the_run_is_refused() {
    assertThatThrownBy(() -> new Shard(3, 3)).hasMessageContaining("vidsim.tck.shard");
    assertThatThrownBy(() -> new Shard(0, 0)).hasMessageContaining("vidsim.tck.shards");
    assertThatThrownBy(() -> new Shard(2, -1)).hasMessageContaining("[0, 2)");
  }

  @Test
  void a_contract_property_runs_its_shards_share_of_the_tries() {
    assertThat(runProbe(3, 0)).as("10 tries, shard 0 of 3").isEqualTo(4);
    assertThat(runProbe(3, 2)).as("10 tries, shard 2 of 3").isEqualTo(3);
    assertThat(runProbe(1, 0)).as("unsharded").isEqualTo(10);
  }

  @Test
  void an_unsharded_run_takes_the_seed_from_the_command_line_unless_the_property_pins_one() {
    String before = System.getProperty(Shard.SEED); // the build's own pinned seed, if any
    try {
      System.setProperty(Shard.SEED, "5");
      java.util.List<Integer> first = probeValues(Probe.class);
      assertThat(first).hasSize(10).isEqualTo(probeValues(Probe.class));
      System.setProperty(Shard.SEED, "6");
      assertThat(probeValues(Probe.class)).as("another seed, other values").isNotEqualTo(first);
      java.util.List<Integer> pinned = probeValues(PinnedProbe.class);
      System.setProperty(Shard.SEED, "5");
      assertThat(probeValues(PinnedProbe.class)).as("its own seed wins").isEqualTo(pinned);
      System.clearProperty(Shard.SEED);
      assertThat(probeValues(Probe.class)).as("no seed given: jqwik's random one")
          .isNotEqualTo(probeValues(Probe.class));
    } finally {
      if (before == null) System.clearProperty(Shard.SEED);
      else System.setProperty(Shard.SEED, before);
    }
  }

  private static java.util.List<Integer> probeValues(Class<?> probe) {
    Probe.launched = true;
    Probe.VALUES.clear();
    try {
      LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
          .selectors(selectClass(probe)).build());
      return java.util.List.copyOf(Probe.VALUES);
    } finally {
      Probe.launched = false;
    }
  }

  private static int runProbe(int shards, int shard) {
    System.setProperty(Shard.SHARDS, Integer.toString(shards));
    System.setProperty(Shard.SHARD, Integer.toString(shard));
    Probe.launched = true;
    Probe.TRIES.set(0);
    try {
      LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
          .selectors(selectClass(Probe.class)).build());
      return Probe.TRIES.get();
    } finally {
      Probe.launched = false;
      System.clearProperty(Shard.SHARDS);
      System.clearProperty(Shard.SHARD);
    }
  }

  /** A property under the shard hook, counting its tries (only when this test launches it). */
  @PropertyDefaults(tries = 10)
  @AddLifecycleHook(ShardHook.class)
  static class Probe {
    static final AtomicInteger TRIES = new AtomicInteger();
    static final java.util.List<Integer> VALUES = new java.util.concurrent.CopyOnWriteArrayList<>();
    static volatile boolean launched;

    @Property
    void counts_its_tries(@net.jqwik.api.ForAll int any) {
      if (!launched) return;
      TRIES.incrementAndGet();
      VALUES.add(any);
    }
  }

  /** The same, with its own pinned seed. */
  @PropertyDefaults(tries = 10)
  @AddLifecycleHook(ShardHook.class)
  static class PinnedProbe {
    @Property(seed = "77")
    void records_its_values(@net.jqwik.api.ForAll int any) {
      if (Probe.launched) Probe.VALUES.add(any);
    }
  }
}
