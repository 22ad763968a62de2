package dev.vidsim.client.cost;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/** Compares the client's ledger with the provider's usage report. */
@FunctionalInterface
public interface Reconciler {
  /** @param usage fetches {@code GET /v1/account/usage} when called */
  Reconciliation reconcile(CostLedger ledger, Supplier<JsonNode> usage);

  static Reconciler standard() {
    return (ledger, usage) -> Reconciliation.of(ledger, usage.get());
  }
}
