package dev.vidsim.tck;

import dev.vidsim.checker.ClientLimits;

/** Starts your client for the TCK; a restart closes one instance and starts another. */
public interface ClientFactory {
  ClientUnderTest start(ClientEnvironment environment);

  /** The limits your client promises (attempts, backoff cap, poll floor, deadline...). */
  ClientLimits limits();

  /**
   * Invariants your client knowingly does not keep (by their snake_case names), so the suite
   * looks past them for their consequences: e.g. an integration on an SDK that sends no
   * idempotency key waives {@code creates_use_idempotency_key}, and the suite then shows what
   * that costs ({@code lost_responses_settle_to_one_job}). Default: none.
   */
  default java.util.Set<String> waivedChecks() {
    return java.util.Set.of();
  }
}
