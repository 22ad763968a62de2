package dev.vidsim.checker;

import dev.vidsim.money.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ledger_conservation: per tenant, balance = topups − charges − captures + refunds and held =
 * holds − captures − releases, recomputed line by line; held never negative, nothing taken that
 * was not available, the simulator's reported balance equal to the recomputed one, and (while the
 * journal is complete) every ledger line journaled once and no journaled ledger line missing.
 */
final class LedgerConservation implements Check {
  @Override
  public String name() {
    return "ledger_conservation";
  }

  @Override
  public String missing(Evidence e) {
    return e.ledger().isEmpty() && e.journal().isEmpty() ? "no ledger and no journal" : null;
  }

  @Override
  public void run(Evidence e, Sink sink) {
    Map<String, List<LedgerLine>> byTenant = new LinkedHashMap<>();
    e.ledger().forEach(l -> byTenant.computeIfAbsent(l.tenant(), t -> new ArrayList<>()).add(l));
    byTenant.forEach((tenant, lines) -> walk(e, tenant, lines, sink));
    if (!e.journalTruncated() && !e.journal().isEmpty()) compareWithJournal(e, sink);
  }

  private static void walk(Evidence e, String tenant, List<LedgerLine> lines, Sink sink) {
    long balance = 0;
    long held = 0;
    for (LedgerLine l : lines) {
      long m = l.amount().micros();
      if (m <= 0) sink.violation("tenant " + tenant, "ledger amounts are positive", List.of(l));
      switch (l.type()) {
        case "topup", "refund" -> balance += m;
        case "charge" -> balance -= m;
        case "hold" -> held += m;
        case "capture" -> { balance -= m; held -= m; }
        case "release" -> held -= m;
        default -> sink.violation("tenant " + tenant, "unknown ledger line type", List.of(l));
      }
      if (held < 0) {
        sink.violation("tenant " + tenant, "open holds went negative (" + new Money(held)
            + ") after this line: more captured or released than held", List.of(l));
      }
      if (l.takesMoney() && !l.is("capture") && balance - held < 0) {
        sink.violation("tenant " + tenant, "took money that was not available: available "
            + new Money(balance - held) + " after this line", List.of(l));
      }
    }
    ReportedBalance r = e.reportedBalances().get(tenant);
    if (r != null && (r.balance().micros() != balance || r.held().micros() != held)) {
      sink.violation("tenant " + tenant, "the simulator reports balance " + r.balance()
          + " held " + r.held() + " but the ledger lines add up to balance " + new Money(balance)
          + " held " + new Money(held), lines);
    }
  }

  /** Journal and ledger must tell the same story: a ledger line is never lost or invented. */
  private static void compareWithJournal(Evidence e, Sink sink) {
    java.util.Set<String> tenants = new java.util.HashSet<>();
    e.ledger().forEach(l -> tenants.add(l.tenant()));
    List<JournalEvent> journaled = e.journal().stream().filter(j -> j.is("ledger"))
        .filter(j -> e.ledger().isEmpty() || tenants.contains(j.text("tenant"))).toList();
    int n = Math.max(journaled.size(), e.ledger().size());
    for (int i = 0; i < n; i++) {
      JournalEvent j = i < journaled.size() ? journaled.get(i) : null;
      LedgerLine l = i < e.ledger().size() ? e.ledger().get(i) : null;
      if (j == null) {
        sink.violation("ledger line " + (i + 1), "is in the ledger but was never journaled",
            List.of(l));
      } else if (l == null) {
        sink.violation("journal #" + j.seq(), "journaled ledger line is missing from the ledger",
            List.of(), List.of(j));
      } else if (!same(j, l)) {
        sink.violation("ledger line " + (i + 1), "differs from its journal line",
            List.of(l), List.of(j));
      } else {
        continue;
      }
      return;
    }
  }

  private static boolean same(JournalEvent j, LedgerLine l) {
    return l.tenant().equals(j.text("tenant")) && l.type().equals(j.text("type"))
        && l.amount().toString().equals(j.text("amount"))
        && java.util.Objects.equals(l.job(), j.text("job"));
  }
}
