package dev.vidsim.checker;

import dev.vidsim.money.Money;
import java.util.List;

/**
 * client_cost_reconciles_with_ledger: what the client believes each tenant spent equals the
 * provider's ledger (charges + captures − refunds), to the micro.
 */
final class ClientCostReconcilesWithLedger extends ClientLogCheck {
  @Override
  public String name() {
    return "client_cost_reconciles_with_ledger";
  }

  @Override
  public String missing(Evidence e) {
    String why = super.missing(e);
    if (why != null) return why;
    return e.clientLog().believedSpent().isEmpty() ? "the client reported no spend" : null;
  }

  @Override
  public void run(Evidence e, Sink sink) {
    e.clientLog().believedSpent().forEach((tenant, believed) -> {
      List<LedgerLine> lines = e.ledger().stream().filter(l -> tenant.equals(l.tenant()))
          .filter(l -> !l.spend().isZero()).toList();
      Money actual = Money.ZERO;
      for (LedgerLine l : lines) actual = actual.plus(l.spend());
      if (!actual.equals(believed)) {
        sink.violation("tenant " + tenant, "the client believes it spent " + believed
            + " but the ledger says " + actual + " (difference " + actual.minus(believed) + ")",
            lines);
      }
    });
  }
}
