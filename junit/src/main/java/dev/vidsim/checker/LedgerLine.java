package dev.vidsim.checker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One ledger line as {@code GET /_sim/ledger} shows it. Amounts are positive; the type
 * ({@code topup, hold, capture, release, charge, refund}) says which way money moves.
 */
public record LedgerLine(long seq, String tenant, String type, Money amount, String job,
                         String idempotencyKey, String hold, String rule, Instant at) {
  public static final String POLL_FEE_RULE = "poll fee";
  public static final String FLAT_FEE_RULE = "flat fee";

  public static LedgerLine fromJson(JsonNode n) {
    return new LedgerLine(n.path("seq").asLong(), Js.text(n, "tenant"), Js.text(n, "type"),
        Js.money(n, "amount"), Js.text(n, "job"), Js.text(n, "idempotencyKey"),
        Js.text(n, "hold"), Js.text(n, "rule"), Js.instant(n, "at"));
  }

  /** From the engine's own entry (in-process: no JSON round trip). */
  public static LedgerLine of(dev.vidsim.ledger.LedgerEntry e) {
    return new LedgerLine(e.seq(), e.tenant(), e.type().wireName(), e.amount(), e.jobId(),
        e.idempotencyKey(), e.holdId(), e.rule(), e.at());
  }

  /** Lines from a {@code {"data":[...]}} ledger document. */
  public static List<LedgerLine> fromDocument(JsonNode doc) {
    List<LedgerLine> out = new ArrayList<>();
    doc.path("data").forEach(n -> out.add(fromJson(n)));
    return out;
  }

  public boolean is(String wantedType) {
    return type.equals(wantedType);
  }

  public boolean isPollFee() {
    return is("charge") && POLL_FEE_RULE.equals(rule);
  }

  public boolean isFlatFee() {
    return is("charge") && FLAT_FEE_RULE.equals(rule);
  }

  /** A charge, hold or capture: money leaving (or reserved from) the tenant's balance. */
  public boolean takesMoney() {
    return is("charge") || is("hold") || is("capture");
  }

  /** What this line adds to the tenant's spend: charges and captures count, refunds subtract. */
  public Money spend() {
    return switch (type) {
      case "charge", "capture" -> amount;
      case "refund" -> amount.negate();
      default -> Money.ZERO;
    };
  }

  @Override
  public String toString() {
    return "#" + seq + " " + type + " " + amount + " tenant=" + tenant
        + (job == null ? "" : " job=" + job)
        + (idempotencyKey == null ? "" : " key=" + idempotencyKey)
        + (hold == null ? "" : " hold=" + hold) + " rule='" + rule + "' at " + at;
  }
}
