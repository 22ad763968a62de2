package dev.vidsim.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;


import dev.vidsim.client.BackoffRetryPolicy;
import dev.vidsim.client.Failure;
import dev.vidsim.tck.internal.FailureReport;
import dev.vidsim.tck.internal.Shard;
import dev.vidsim.tck.internal.World;
import dev.vidsim.tck.reference.ReferenceClientFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.state.ActionChain;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * A shard that fails, run again with the flags it printed, fails the same way: the same shrunk
 * chain written to the same file. jqwik's failure database is bypassed (a new run would otherwise
 * replay the stored sample whatever the seed), so the seed alone reproduces the failure.
 */
class SeedReproductionTest {
  static final long BASE = 20261207L;

  @Test
  void a_failing_shard_fails_again_with_the_same_chain_from_the_seed_it_printed()
      throws Exception {
    Path file = Path.of("target", "vidsim-failures", "BrokenShard.shard-2-of-4.yaml");
    String first = runShard(file);
    String again = runShard(file);

    assertThat(first).as("the shard failed and wrote its chain").contains("no_retry_of");
    assertThat(again).isEqualTo(first);
  }

  private static String runShard(Path file) throws Exception {
    Files.deleteIfExists(file);
    String buildSeed = System.getProperty(Shard.SEED); // restored after: the build pins one
    System.setProperty(Shard.SHARDS, "4");
    System.setProperty(Shard.SHARD, "2");
    System.setProperty(Shard.SEED, Long.toString(BASE));
    BrokenShard.launched = true;
    try {
      SummaryGeneratingListener summary = new SummaryGeneratingListener();
      LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
          .selectors(selectClass(BrokenShard.class)).build(), summary);
      assertThat(summary.getSummary().getTotalFailureCount()).isEqualTo(1);
      assertThat(FailureReport.fileFor(BrokenShard.class)).isEqualTo(file);
      return Files.readString(file);
    } finally {
      BrokenShard.launched = false;
      System.clearProperty(Shard.SHARDS);
      System.clearProperty(Shard.SHARD);
      if (buildSeed == null) System.clearProperty(Shard.SEED);
      else System.setProperty(Shard.SEED, buildSeed);
    }
  }

  /** A client that retries 402 (no credit), as a user's contract class run in shards. */
  @PropertyDefaults(tries = 80, shrinking = ShrinkingMode.FULL)
  static class BrokenShard extends ClientContract {
    static volatile boolean launched;

    @Override
    protected ClientFactory clientFactory() {
      BackoffRetryPolicy r = ReferenceClientFactory.RETRY;
      return new ReferenceClientFactory().withBuilder(b -> b.retryPolicy(
          new BackoffRetryPolicy(r.base(), r.cap(), r.attemptsMax(), r.retryAfterMax()) {
            @Override
            public boolean isRetryable(Failure f) {
              return f.status() == 402 || super.isRetryable(f);
            }
          }));
    }

    @Override
    @Property(afterFailure = AfterFailureMode.RANDOM_SEED)
    void client_keeps_every_billing_and_retry_invariant(
        @ForAll("vidsimActionChains") ActionChain<World> chain) {
      if (launched) super.client_keeps_every_billing_and_retry_invariant(chain);
    }
  }
}
