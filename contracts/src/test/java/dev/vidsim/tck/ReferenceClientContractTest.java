package dev.vidsim.tck;

import dev.vidsim.tck.reference.ReferenceClientFactory;

/** The reference client under the whole TCK: a thousand action chains, every invariant. */
class ReferenceClientContractTest extends ClientContract {
  @Override
  protected ClientFactory clientFactory() {
    return new ReferenceClientFactory();
  }
}
