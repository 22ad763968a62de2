package dev.vidsim.http.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.http.Json;
import dev.vidsim.http.Wire;
import dev.vidsim.ledger.LedgerEntry;
import dev.vidsim.money.Money;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ledger lines as a statement reads: each with its signed effect on the balance and on the money
 * held, and the tenant's running balance and held amount after it.
 */
public final class LedgerRows {
  private LedgerRows() {}

  /** {@code lines} in ledger order (all of a tenant's lines, so the running totals are true). */
  public static ArrayNode of(List<LedgerEntry> lines) {
    Map<String, Money[]> totals = new HashMap<>();
    ArrayNode rows = Json.array();
    for (LedgerEntry e : lines) {
      Money[] t = totals.computeIfAbsent(e.tenant(), k -> new Money[] {Money.ZERO, Money.ZERO});
      Money balanceChange = balanceChange(e);
      Money heldChange = heldChange(e);
      t[0] = t[0].plus(balanceChange);
      t[1] = t[1].plus(heldChange);
      rows.add(Wire.ledgerEntry(e).put("balanceChange", balanceChange.toString())
          .put("heldChange", heldChange.toString()).put("balanceAfter", t[0].toString())
          .put("heldAfter", t[1].toString()).put("availableAfter", t[0].minus(t[1]).toString()));
    }
    return rows;
  }

  /** Money in and out: top-ups and refunds add, charges and captures take. */
  static Money balanceChange(LedgerEntry e) {
    return switch (e.type()) {
      case TOPUP, REFUND -> e.amount();
      case CHARGE, CAPTURE -> e.amount().negate();
      case HOLD, RELEASE -> Money.ZERO;
    };
  }

  /** Money reserved: a hold adds, its capture or release takes it back. */
  static Money heldChange(LedgerEntry e) {
    return switch (e.type()) {
      case HOLD -> e.amount();
      case CAPTURE, RELEASE -> e.amount().negate();
      case TOPUP, REFUND, CHARGE -> Money.ZERO;
    };
  }
}
