package dev.vidsim.tck;

import dev.vidsim.tck.internal.Chains;
import dev.vidsim.tck.internal.Coverage;
import dev.vidsim.tck.internal.FailureReport;
import dev.vidsim.tck.internal.ShardHook;
import dev.vidsim.tck.internal.World;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.state.ActionChain;

/**
 * The TCK: extend this class, return a {@link ClientFactory} for your client, and the whole
 * invariant suite runs against it: a thousand random action chains (submits, waits, polls,
 * cancels, restarts, clock jumps and injected faults), with every billing and retry invariant
 * checked after every action. A failure prints its seed and the shrunk chain, and writes the
 * chain as a scenario file under {@code target/vidsim-failures/}. Fewer tries for a quick run:
 * {@code @PropertyDefaults(tries = 100)} on your subclass. Spread over N machines:
 * {@code -Dvidsim.tck.shards=N -Dvidsim.tck.shard=i} (each shard runs its share of the tries).
 */
@PropertyDefaults(tries = 1000, shrinking = ShrinkingMode.FULL)
@AddLifecycleHook(ShardHook.class)
public abstract class ClientContract {
  /** Your client, started fresh for every try. */
  protected abstract ClientFactory clientFactory();

  @Property
  void client_keeps_every_billing_and_retry_invariant(
      @ForAll("vidsimActionChains") ActionChain<World> chain) {
    Coverage.Facts covered = FailureReport.around(chain, getClass(), () -> Chains.run(chain));
    Coverage.collectAndRequire(covered, clientFactory().waivedChecks());
  }

  @Provide
  Arbitrary<ActionChain<World>> vidsimActionChains() {
    return Chains.of(clientFactory());
  }
}
