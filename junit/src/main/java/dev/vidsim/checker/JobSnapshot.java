package dev.vidsim.checker;

import dev.vidsim.jobs.Jobs;
import dev.vidsim.jobs.JobView;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A job as {@code GET /_sim/jobs} (or a create response) shows it, with the quote it was priced at.
 *
 * @param errorCode the failure kind for failed jobs: error, timeout, cancel, contentFilter
 */
public record JobSnapshot(String id, String model, String mode, String status,
                          BigDecimal seconds, String resolution, Instant createdAt,
                          QuoteFacts quote, String idempotencyKey, String errorCode) {

  /** The quote of a job, as on the wire. {@code onCreate} excludes the flat fee. */
  /**
   * @param markupPercent an aggregator's markup on the upstream's usage (zero: none), from the
   *                      job's route
   */
  public record QuoteFacts(String unit, BigDecimal quantity, Money unitPrice, long per,
                           Money usage, Money flatFee, String billOn, Money onCreate,
                           Money held, BigDecimal markupPercent) {
    public QuoteFacts(String unit, BigDecimal quantity, Money unitPrice, long per, Money usage,
                      Money flatFee, String billOn, Money onCreate, Money held) {
      this(unit, quantity, unitPrice, per, usage, flatFee, billOn, onCreate, held,
          BigDecimal.ZERO);
    }

    static QuoteFacts fromJson(JsonNode q, JsonNode route) {
      if (q == null || q.isMissingNode() || q.isNull()) return null;
      Money flatFee = Js.money(q, "flatFee");
      Money chargedOnCreate = Js.money(q, "chargedOnCreate");
      String markup = Js.text(route, "markupPercent");
      return new QuoteFacts(Js.text(q, "unit"), q.path("quantity").decimalValue(),
          Js.money(q, "unitPrice"), q.path("per").asLong(1), Js.money(q, "usage"), flatFee,
          Js.text(q, "billOn"), chargedOnCreate.minus(flatFee), Js.money(q, "heldOnCreate"),
          markup == null ? BigDecimal.ZERO : new BigDecimal(markup));
    }
  }

  public static JobSnapshot fromJson(JsonNode j) {
    JsonNode seconds = j.get("seconds");
    return new JobSnapshot(Js.text(j, "id"), Js.text(j, "model"), Js.text(j, "mode"),
        Js.text(j, "status"), seconds == null || seconds.isNull() ? null : seconds.decimalValue(),
        Js.text(j, "resolution"), Js.instant(j, "createdAt"),
        QuoteFacts.fromJson(j.get("quote"), j.path("route")),
        Js.text(j, "idempotencyKey"), Js.text(j.path("error"), "code"));
  }

  /** From the engine's own view (in-process: no JSON round trip). */
  public static JobSnapshot of(dev.vidsim.jobs.JobView j) {
    var q = j.quote();
    QuoteFacts quote = new QuoteFacts(q.unit().wireName(), q.quantity(), q.unitPrice(), q.per(),
        q.usage(), q.flatFee(), j.billOn(), q.onCreate(), q.held(),
        j.route() == null ? BigDecimal.ZERO : j.route().markupPercent());
    return new JobSnapshot(j.id(), j.model(), j.mode(), j.status().wireName(), j.seconds(),
        j.resolution(),
        j.createdAt(), quote, j.idempotencyKey(), j.errorCode());
  }

  /** Jobs from a {@code {"data":[...]}} document. */
  public static List<JobSnapshot> fromDocument(JsonNode doc) {
    List<JobSnapshot> out = new ArrayList<>();
    doc.path("data").forEach(n -> out.add(fromJson(n)));
    return out;
  }

  public boolean isRunning() {
    return "queued".equals(status) || "in_progress".equals(status);
  }
}
