package dev.vidsim.client.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.client.Amount;
import dev.vidsim.client.JsonSupport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The client's ledger compared with the provider's usage report ({@code GET /v1/account/usage}),
 * job by job. Empty {@code differences} means the bill is what the client expected.
 */
public record Reconciliation(Amount expectedTotal, Amount chargedTotal,
                             List<Difference> differences) {
  /**
   * One job whose charge differs from the client's expectation.
   *
   * @param expected null when the client never knew of the job (e.g. a duplicate create)
   * @param charged  null when the provider does not list the job
   */
  public record Difference(String jobId, String idempotencyKey, Amount expected, Amount charged,
                           String reason) {
    public Amount delta() {
      return (charged == null ? Amount.ZERO : charged)
          .minus(expected == null ? Amount.ZERO : expected);
    }
  }

  public Reconciliation {
    differences = List.copyOf(differences);
  }

  public boolean isBalanced() {
    return differences.isEmpty();
  }

  public static Reconciliation of(CostLedger ledger, JsonNode usage) {
    List<Difference> diffs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Amount charged = Amount.ZERO;
    for (JsonNode j : usage.path("jobs")) {
      String id = JsonSupport.text(j, "id");
      Amount c = JsonSupport.amount(j, "charged");
      charged = charged.plus(c);
      seen.add(id);
      var line = ledger.line(id);
      if (line.isEmpty()) {
        diffs.add(new Difference(id, JsonSupport.text(j, "idempotencyKey"), null, c,
            "charged for a job the client does not know (status " + JsonSupport.text(j, "status")
            + ")"));
      } else if (!line.get().expected().equals(c)) {
        diffs.add(new Difference(id, line.get().idempotencyKey(), line.get().expected(), c,
            "charged " + c + " but the client expected " + line.get().expected()));
      }
    }
    for (LedgerLine l : ledger.lines()) {
      if (!seen.contains(l.jobId())) {
        diffs.add(new Difference(l.jobId(), l.idempotencyKey(), l.expected(), null,
            "the provider's usage does not list this job"));
      }
    }
    return new Reconciliation(ledger.expectedTotal(), charged, diffs);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("expected " + expectedTotal + ", charged "
        + chargedTotal
        + (isBalanced() ? ": balanced" : ": " + differences.size() + " difference(s)"));
    differences.forEach(d -> sb.append("\n  ").append(d.jobId()).append(": ").append(d.reason()));
    return sb.toString();
  }
}
