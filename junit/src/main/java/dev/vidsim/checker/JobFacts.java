package dev.vidsim.checker;

import dev.vidsim.jobs.Usage;

import dev.vidsim.money.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the evidence says about one job: who created it, its journaled status changes, its
 * ledger lines, and its current snapshot.
 *
 * @param created  the job_created journal event (null if the journal no longer holds it)
 * @param snapshot the job as the simulator shows it now (null if not supplied)
 */
public record JobFacts(String id, String tenant, String model, String idempotencyKey,
                       JournalEvent created, List<JournalEvent> states, List<LedgerLine> lines,
                       JobSnapshot snapshot) {
  public JobFacts {
    states = List.copyOf(states);
    lines = List.copyOf(lines);
  }

  /** The current status: the snapshot's, else the last journaled one, else queued. */
  public String status() {
    if (snapshot != null) return snapshot.status();
    return states.isEmpty() ? "queued" : states.get(states.size() - 1).text("to");
  }

  /** Whether the evidence says where the job is: a snapshot, or its journaled creation. */
  public boolean statusKnown() {
    return snapshot != null || created != null;
  }

  public boolean isRunning() {
    return "queued".equals(status()) || "in_progress".equals(status());
  }

  public JobSnapshot.QuoteFacts quote() {
    return snapshot == null ? null : snapshot.quote();
  }

  /** Usage lines: everything but the flat request fee and poll fees. */
  public List<LedgerLine> usageLines() {
    List<LedgerLine> out = new ArrayList<>();
    for (LedgerLine l : lines) {
      if (!l.isPollFee() && !l.isFlatFee()) out.add(l);
    }
    return out;
  }

  /** Net usage charged: charges + captures − refunds, fees excluded. */
  public Money netUsage() {
    Money m = Money.ZERO;
    for (LedgerLine l : usageLines()) m = m.plus(l.spend());
    return m;
  }

  /** The usage reserved or taken at create: the create charge plus the hold. */
  public Money usageAtCreate() {
    Money m = Money.ZERO;
    for (LedgerLine l : usageLines()) {
      if (l.is("hold") || l.is("charge")) m = m.plus(l.amount());
    }
    return m;
  }

  public List<LedgerLine> linesOfType(String type) {
    return lines.stream().filter(l -> l.is(type)).toList();
  }

  public boolean isFailed() {
    String s = status();
    return "failed".equals(s) || "timed_out".equals(s) || "cancelled".equals(s);
  }

  public boolean isDelivered() {
    String s = status();
    return "succeeded".equals(s) || "expired".equals(s);
  }
}
