package dev.vidsim.checker;

import java.util.List;

/**
 * One broken rule: which check, on which job (or tenant, or request), what went wrong, and the
 * ledger lines and journal events that show it.
 */
public record Violation(String check, String subject, String message, List<LedgerLine> lines,
                        List<JournalEvent> events) {
  public Violation {
    lines = List.copyOf(lines);
    events = List.copyOf(events);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[").append(check).append("] ")
        .append(subject == null ? "" : subject + ": ").append(message);
    lines.forEach(l -> sb.append("\n      ledger ").append(l));
    int shown = Math.min(events.size(), 12);
    events.subList(0, shown).forEach(e -> sb.append("\n      journal ").append(e));
    if (shown < events.size()) {
      sb.append("\n      … ").append(events.size() - shown).append(" more");
    }
    return sb.toString();
  }
}
