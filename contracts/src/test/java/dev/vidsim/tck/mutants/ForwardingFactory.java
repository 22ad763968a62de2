package dev.vidsim.tck.mutants;

import dev.vidsim.checker.ClientLimits;
import dev.vidsim.tck.ClientFactory;

/**
 * A factory for an integration built around the reference client: it promises what the
 * reference client promises ({@link #limits}) and starts it from {@link #reference}.
 */
abstract class ForwardingFactory implements ClientFactory {
  protected final ClientFactory reference;

  ForwardingFactory(ClientFactory reference) {
    this.reference = reference;
  }

  @Override
  public ClientLimits limits() {
    return reference.limits();
  }
}
