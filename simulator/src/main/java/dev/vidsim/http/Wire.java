package dev.vidsim.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.catalog.ModelSpec;
import dev.vidsim.clock.InstantText;
import dev.vidsim.jobs.JobView;
import dev.vidsim.jobs.Usage;
import dev.vidsim.ledger.Balance;
import dev.vidsim.ledger.LedgerEntry;
import dev.vidsim.pricing.FailureKind;
import dev.vidsim.pricing.Pricing;
import dev.vidsim.pricing.Quote;
import java.time.Instant;

/** vidsim's own JSON shapes. Money is always a string ("0.80"): exact, never a float. */
public final class Wire {
  private Wire() {}

  public static ObjectNode job(JobView j) {
    ObjectNode o = Json.object();
    o.put("id", j.id()).put("object", "video").put("model", j.model()).put("mode", j.mode())
        .put("status", j.status().wireName()).put("progress", j.progress());
    if (j.queuePosition() != null) o.put("queuePosition", j.queuePosition());
    o
        .put("prompt", j.prompt())
        .put("seconds", j.seconds()).put("resolution", j.resolution()).put("region", j.region());
    time(o, "createdAt", j.createdAt());
    time(o, "completedAt", j.completedAt());
    time(o, "expiresAt", j.expiresAt());
    o.set("quote", quote(j.quote(), j.billOn(), j.currency()));
    o.put("charged", j.charged().toString()).put("currency", j.currency());
    o.put("idempotencyKey", j.idempotencyKey());
    if (j.webhookAbandonedAfter() > 0) {
      o.putObject("webhook").put("status", "abandoned")
          .put("attempts", j.webhookAbandonedAfter());
    }
    if (j.errorCode() != null) {
      o.putObject("error").put("code", j.errorCode()).put("message", j.errorMessage());
    } else {
      o.putNull("error");
    }
    return route(o, j.route());
  }

  static ObjectNode quote(Quote q, String billOn, String currency) {
    ObjectNode o = Json.object();
    o.put("unit", q.unit().wireName()).put("quantity", q.quantity())
        .put("unitPrice", q.unitPrice().toString()).put("per", q.per())
        .put("usage", q.usage().toString()).put("flatFee", q.flatFee().toString())
        .put("total", q.total().toString()).put("billOn", billOn)
        .put("chargedOnCreate", q.onCreate().plus(q.flatFee()).toString())
        .put("heldOnCreate", q.held().toString()).put("currency", currency).put("rule", q.rule());
    return o;
  }

  public static ObjectNode model(ModelSpec m, String currency) {
    ObjectNode o = Json.object();
    o.put("id", m.id()).put("object", "model").put("description", m.description());
    o.set("modes", strings(m.modes()));
    o.set("resolutions", strings(m.resolutions()));
    o.set("regions", strings(m.regions()));
    o.set("tiers", strings(m.tiers()));
    o.put("minSeconds", m.minSeconds()).put("maxSeconds", m.maxSeconds())
        .put("defaultSeconds", m.defaultSeconds());
    o.set("pricing", pricing(m.pricing(), currency));
    return o;
  }

  /** Everything a client needs to quote a job itself before creating it. */
  static ObjectNode pricing(Pricing p, String currency) {
    ObjectNode o = Json.object();
    o.put("currency", currency).put("unit", p.unit().wireName()).put("price", p.price().toString())
        .put("per", p.per()).put("billOn", p.billOn().wireName());
    if (p.createSharePercent() > 0) o.put("createSharePercent", p.createSharePercent());
    o.put("minimum", p.minimum().toString()).put("flatFee", p.flatFee().toString())
        .put("increment", p.incrementSeconds()).put("minimumSeconds", p.minimumSeconds())
        .put("pollFee", p.pollFee().toString()).put("tokensPerSecond", p.tokensPerSecond())
        .put("creditsPerSecond", p.creditsPerSecond()).put("creditsPerVideo", p.creditsPerVideo())
        .put("imageCount", p.imageCount()).put("framesPerSecond", p.framesPerSecond());
    if (p.markupPercent().signum() > 0) o.put("markupPercent", p.markupPercent().toPlainString());
    ArrayNode prices = o.putArray("prices");
    p.overrides().forEach(ov -> {
      ObjectNode x = prices.addObject();
      if (ov.mode() != null) x.put("mode", ov.mode());
      if (ov.resolution() != null) x.put("resolution", ov.resolution());
      if (ov.tier() != null) x.put("tier", ov.tier());
      x.put("price", ov.price().toString());
    });
    ObjectNode failure = o.putObject("onFailure");
    for (FailureKind k : FailureKind.values()) {
      failure.put(k.wireName(), p.settlementFor(k).toString());
    }
    return o;
  }

  public static ObjectNode balance(Balance b, String currency) {
    return Json.object().put("object", "balance").put("currency", currency)
        .put("balance", b.balance().toString()).put("held", b.held().toString())
        .put("available", b.available().toString()).put("spent", b.spent().toString());
  }

  public static ObjectNode usage(Usage u) {
    ObjectNode o = Json.object().put("object", "usage").put("currency", u.currency())
        .put("spent", u.spent().toString()).put("pollFees", u.pollFees().toString())
        .put("flatFees", u.flatFees().toString());
    ArrayNode models = o.putArray("models");
    u.models().forEach(m -> models.addObject().put("model", m.model()).put("unit", m.unit())
        .put("jobs", m.jobs()).put("charged", m.charged().toString()));
    ArrayNode jobs = o.putArray("jobs");
    u.jobs().forEach(j -> route(jobs.addObject().put("id", j.id()).put("model", j.model())
        .put("idempotencyKey", j.idempotencyKey()).put("status", j.status())
        .put("charged", j.charged().toString()), j.route()));
    return o;
  }

  /** Which upstream an aggregator ran a job on, after which attempts, at what extra cost. */
  public static ObjectNode route(ObjectNode o, dev.vidsim.aggregator.Route r) {
    if (r == null) return o;
    ObjectNode n = o.putObject("route").put("aggregator", r.aggregator())
        .put("aggregatorModel", r.aggregatorModel()).put("provider", r.ran().provider())
        .put("upstreamModel", r.ran().model())
        .put("markupPercent", r.markupPercent().toPlainString())
        .put("fallbackExtra", r.fallbackExtra().toString());
    ArrayNode attempts = n.putArray("attempts");
    r.attempts().forEach(a -> attempts.addObject().put("provider", a.provider())
        .put("model", a.model()).put("outcome", a.outcome()).put("status", a.status())
        .put("detail", a.detail()));
    return o;
  }

  public static ObjectNode ledgerEntry(LedgerEntry e) {
    return Json.object().put("seq", e.seq()).put("tenant", e.tenant())
        .put("type", e.type().wireName()).put("amount", e.amount().toString())
        .put("job", e.jobId()).put("idempotencyKey", e.idempotencyKey()).put("hold", e.holdId())
        .put("rule", e.rule()).put("at", InstantText.of(e.at()));
  }

  public static ArrayNode strings(java.util.List<String> values) {
    ArrayNode a = Json.array();
    values.forEach(a::add);
    return a;
  }

  private static void time(ObjectNode o, String field, Instant at) {
    if (at == null) o.putNull(field);
    else o.put(field, InstantText.of(at));
  }
}
