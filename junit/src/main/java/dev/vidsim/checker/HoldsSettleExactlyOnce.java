package dev.vidsim.checker;

import dev.vidsim.money.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * holds_settle_exactly_once: every hold is opened once and settled at most once, by at most one
 * capture and one release that add up to the hold, never before it; a job that has ended has no
 * open hold, and a running job's hold is still open.
 */
final class HoldsSettleExactlyOnce implements Check {
  @Override
  public String name() {
    return "holds_settle_exactly_once";
  }

  @Override
  public String missing(Evidence e) {
    return e.ledger().isEmpty() ? "no ledger" : null;
  }

  @Override
  public void run(Evidence e, Sink sink) {
    Map<String, List<LedgerLine>> byHold = new LinkedHashMap<>();
    for (LedgerLine l : e.ledger()) {
      if (l.hold() != null) byHold.computeIfAbsent(l.hold(), h -> new ArrayList<>()).add(l);
    }
    byHold.forEach((hold, lines) -> checkHold(e, hold, lines, sink));
  }

  private static void checkHold(Evidence e, String hold, List<LedgerLine> lines, Sink sink) {
    List<LedgerLine> opens = lines.stream().filter(l -> l.is("hold")).toList();
    List<LedgerLine> captures = lines.stream().filter(l -> l.is("capture")).toList();
    List<LedgerLine> releases = lines.stream().filter(l -> l.is("release")).toList();
    String job = lines.get(0).job();
    String subject = "job " + job + " (" + hold + ")";
    if (opens.size() != 1) {
      sink.violation(subject, "opened " + opens.size() + " times; a hold opens exactly once",
          lines);
      return;
    }
    LedgerLine open = opens.get(0);
    if (captures.size() > 1 || releases.size() > 1) {
      sink.violation(subject, "settled more than once: " + captures.size() + " captures and "
          + releases.size() + " releases", lines);
      return;
    }
    boolean settled = !captures.isEmpty() || !releases.isEmpty();
    for (LedgerLine l : lines) {
      if (l != open && l.seq() < open.seq()) {
        sink.violation(subject, "settled before it was opened", lines);
        return;
      }
    }
    if (settled) {
      Money sum = Money.ZERO;
      for (LedgerLine l : lines) if (l != open) sum = sum.plus(l.amount());
      if (!sum.equals(open.amount())) {
        sink.violation(subject, "capture + release = " + sum + " but the hold was "
            + open.amount(), lines);
      }
    }
    JobFacts facts = e.jobFacts().get(job);
    if (facts == null || !facts.statusKnown()) return;
    boolean running = facts.isRunning();
    if (!running && !settled) {
      sink.violation(subject, "job is " + facts.status() + " but its hold is still open",
          lines);
    } else if (running && settled) {
      sink.violation(subject, "job is still " + facts.status() + " but its hold was settled",
          lines);
    }
  }
}
