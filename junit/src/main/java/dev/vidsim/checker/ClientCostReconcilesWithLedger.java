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

  /** The jobs whose belief differs from their ledger lines, when the client gave per-job costs. */
  private static String perJob(Evidence e, List<LedgerLine> lines) {
    var beliefs = e.clientLog().believedJobCosts();
    if (beliefs.isEmpty()) return "";
    java.util.Map<String, Money> ledger = new java.util.LinkedHashMap<>();
    for (LedgerLine l : lines) {
      if (l.job() != null) ledger.merge(l.job(), l.spend(), Money::plus);
    }
    StringBuilder sb = new StringBuilder();
    java.util.Set<String> jobs = new java.util.LinkedHashSet<>(ledger.keySet());
    jobs.addAll(beliefs.keySet());
    for (String job : jobs) {
      Money want = ledger.getOrDefault(job, Money.ZERO);
      Money got = beliefs.getOrDefault(job, Money.ZERO);
      if (!want.equals(got)) {
        JobFacts f = e.jobFacts().get(job);
        sb.append("; job ").append(job).append(f == null ? "" : " (" + f.model() + ", "
            + f.status() + ")").append(": client ").append(got).append(", ledger ").append(want);
      }
    }
    return sb.toString();
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
            + " but the ledger says " + actual + " (difference " + actual.minus(believed) + ")"
            + perJob(e, lines), lines);
      }
    });
  }
}
