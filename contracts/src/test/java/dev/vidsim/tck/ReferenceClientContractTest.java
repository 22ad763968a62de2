package dev.vidsim.tck;

import dev.vidsim.tck.internal.World;
import dev.vidsim.tck.reference.ReferenceClientFactory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.state.ActionChain;

/**
 * The reference client under the whole TCK: a thousand action chains, every invariant. The seed
 * is pinned so the build is repeatable; remove it locally to explore new chains. (Unpinned runs
 * found a real client bug, since fixed: a generation resumed after its model left the catalog was
 * priced in the client's own ledger with the fallback model's quote and failure policy; see
 * {@link ReferenceClientSeedsTest}.)
 */
class ReferenceClientContractTest extends ClientContract {
  @Override
  protected ClientFactory clientFactory() {
    return new ReferenceClientFactory();
  }

  @Override
  @Property(seed = "20261125")
  void client_keeps_every_billing_and_retry_invariant(
      @ForAll("vidsimActionChains") ActionChain<World> chain) {
    super.client_keeps_every_billing_and_retry_invariant(chain);
  }
}
