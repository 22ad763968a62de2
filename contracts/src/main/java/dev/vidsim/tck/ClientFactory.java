package dev.vidsim.tck;

import dev.vidsim.checker.ClientLimits;

/** Starts your client for the TCK; a restart closes one instance and starts another. */
public interface ClientFactory {
  ClientUnderTest start(ClientEnvironment environment);

  /** The limits your client promises (attempts, backoff cap, poll floor, deadline...). */
  ClientLimits limits();
}
