package dev.vidsim.http.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.clock.InstantText;
import dev.vidsim.http.Json;
import dev.vidsim.jobs.Job;
import dev.vidsim.ledger.LedgerEntry;
import dev.vidsim.money.Money;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spend per model over simulated time: for each model, the cumulative amount spent after every
 * ledger line that changed it (charges and captures add, refunds take back). Holds are not spend.
 */
final class SpendSeries {
  /** A line whose job the bounded store has forgotten still counts, under this name. */
  static final String UNKNOWN_MODEL = "(job forgotten)";

  private SpendSeries() {}

  static ArrayNode of(List<LedgerEntry> lines, Map<String, Job> jobs) {
    Map<String, ObjectNode> series = new TreeMap<>();
    Map<String, Money> totals = new TreeMap<>();
    for (LedgerEntry e : lines) {
      Money change = LedgerRows.balanceChange(e).negate();
      if (e.jobId() == null || change.isZero()) continue;
      Job job = jobs.get(e.jobId());
      String model = job == null ? UNKNOWN_MODEL : job.model();
      Money total = totals.getOrDefault(model, Money.ZERO).plus(change);
      totals.put(model, total);
      ObjectNode s = series.computeIfAbsent(model, m -> {
        ObjectNode n = Json.object().put("model", m);
        n.putArray("points");
        return n;
      });
      s.put("total", total.toString());
      ((ArrayNode) s.get("points")).addObject().put("at", InstantText.of(e.at()))
          .put("total", total.toString());
    }
    ArrayNode out = Json.array();
    series.values().forEach(out::add);
    return out;
  }
}
