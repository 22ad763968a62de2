package dev.vidsim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.catalog.ModelSpec;
import dev.vidsim.catalog.PriceSheet;
import dev.vidsim.engine.Simulator;
import dev.vidsim.scenario.Scenario;
import io.javalin.http.Context;

/**
 * {@code GET /_sim/pricing}: the loaded scenario's pricing page, as HTML for a browser and as
 * JSON otherwise. Each price row carries the quote the billing code makes for a default-length
 * video, so "compare the deduction with the pricing page" can be automated; an aggregator's
 * models list their upstreams with the markup ({@link AggregatorPricing}).
 */
final class PricingRoute {
  private final Simulator sim;

  PricingRoute(Simulator sim) {
    this.sim = sim;
  }

  void page(Context ctx) {
    ObjectNode page = sim.call(e -> json(e.scenario()));
    String accept = ctx.header("Accept");
    if (accept != null && accept.contains("text/html")) {
      ctx.status(200).contentType("text/html; charset=utf-8").result(PricingHtml.render(page));
    } else {
      Json.write(ctx, 200, page);
    }
  }

  static ObjectNode json(Scenario s) {
    ObjectNode page = Json.object().put("scenario", s.name()).put("currency", s.currency());
    ArrayNode models = page.putArray("models");
    for (ModelSpec m : s.models()) {
      ObjectNode o = models.addObject().put("id", m.id()).put("description", m.description());
      o.set("regions", Wire.strings(m.regions()));
      o.set("tiers", Wire.strings(m.tiers()));
      o.put("minSeconds", m.minSeconds()).put("maxSeconds", m.maxSeconds())
          .put("defaultSeconds", m.defaultSeconds());
      o.set("rules", Wire.strings(PriceSheet.rules(m.pricing(), s.currency())));
      ObjectNode failure = o.putObject("onFailure");
      PriceSheet.onFailure(m.pricing()).forEach(failure::put);
      o.set("prices", rows(m, s.currency()));
      o.set("pricing", Wire.pricing(m.pricing(), s.currency()));
    }
    page.set("aggregators", AggregatorPricing.json(s));
    return page;
  }

  /** A model's price rows: each mode, resolution and tier, with the quote of a default job. */
  static ArrayNode rows(ModelSpec m, String currency) {
    ArrayNode rows = Json.array();
    for (PriceSheet.Row r : PriceSheet.rows(m)) {
      ObjectNode row = rows.addObject().put("mode", r.mode()).put("resolution", r.resolution());
      if (r.tier().equals(PriceSheet.OTHER_TIERS)) row.putNull("tier");
      else row.put("tier", r.tier());
      row.put("seconds", r.example().seconds()).put("inputImages", r.example().inputImages());
      row.set("quote", Wire.quote(r.quote(), m.pricing().billOn().wireName(), currency));
    }
    return rows;
  }

  /** The same page for people: one offline HTML document, no scripts, no external assets. */
  static final class PricingHtml {
    private PricingHtml() {}

    static String render(ObjectNode page) {
      StringBuilder h = new StringBuilder("<!doctype html><html lang=en><meta charset=utf-8>"
          + "<title>vidsim pricing</title><style>body{font:14px system-ui,sans-serif;margin:2em;"
          + "color:#1b1f24}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px "
          + "solid #d0d7de;padding:4px 8px;text-align:left}td.n{text-align:right;font-variant:"
          + "tabular-nums}h2{margin-bottom:.2em}.d{color:#57606a}</style>");
      h.append("<h1>Pricing: scenario ").append(esc(page.get("scenario").asText()))
          .append("</h1><p class=d>Amounts in ").append(esc(page.get("currency").asText()))
          .append(". Each row's cost is what vidsim charges for a video of the default length.");
      for (JsonNode m : page.get("models")) {
        h.append("<h2 id=\"").append(esc(m.get("id").asText())).append("\">")
            .append(esc(m.get("id").asText())).append("</h2><p class=d>")
            .append(esc(m.get("description").asText())).append("<ul>");
        m.get("rules").forEach(r -> h.append("<li>").append(esc(r.asText())));
        h.append("<li>on failure: ");
        m.get("onFailure").fields().forEachRemaining(f -> h.append(esc(f.getKey())).append(' ')
            .append(esc(f.getValue().asText())).append("; "));
        h.append("</ul><table><tr><th>mode<th>resolution<th>tier<th>unit price<th>seconds"
            + "<th>cost<th>on create<th>held<th>formula");
        for (JsonNode r : m.get("prices")) {
          JsonNode q = r.get("quote");
          h.append("<tr><td>").append(esc(r.get("mode").asText())).append("<td>")
              .append(esc(r.get("resolution").asText())).append("<td>")
              .append(r.get("tier").isNull() ? "any" : esc(r.get("tier").asText()))
              .append("<td class=n>").append(esc(q.get("unitPrice").asText()))
              .append("<td class=n>").append(esc(r.get("seconds").asText()))
              .append("<td class=n>").append(esc(q.get("total").asText()))
              .append("<td class=n>").append(esc(q.get("chargedOnCreate").asText()))
              .append("<td class=n>").append(esc(q.get("heldOnCreate").asText()))
              .append("<td>").append(esc(q.get("rule").asText()));
        }
        h.append("</table>");
      }
      AggregatorPricing.html(h, page.get("aggregators"));
      return h.append("</html>").toString();
    }

    private static String esc(String s) {
      return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
          .replace("\"", "&quot;");
    }
  }
}
