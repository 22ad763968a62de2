package dev.vidsim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.aggregator.Aggregator;
import dev.vidsim.aggregator.Pool;
import dev.vidsim.aggregator.Upstream;
import dev.vidsim.catalog.ModelSpec;
import dev.vidsim.scenario.Scenario;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The pricing page's aggregator section: per aggregator model, its pool of upstreams in
 * preference order, the markup, the formula in words, and per upstream the rows a job costs
 * when that upstream runs it (its own prices plus the markup), so a fallback's price is on the
 * page too.
 */
final class AggregatorPricing {
  private AggregatorPricing() {}

  static ArrayNode json(Scenario s) {
    ArrayNode out = Json.array();
    for (Aggregator a : s.conditions().aggregators()) {
      ObjectNode agg = out.addObject().put("dialect", a.dialect())
          .put("markupPercent", a.markupPercent().toPlainString());
      ArrayNode models = agg.putArray("models");
      for (Pool p : a.pools()) {
        ObjectNode m = models.addObject().put("id", p.id())
            .put("formula", formula(p, a.markupPercent()));
        ArrayNode upstreams = m.putArray("upstreams");
        for (Upstream u : p.upstreams()) {
          ObjectNode up = upstreams.addObject().put("provider", u.provider())
              .put("model", u.model());
          Optional<ModelSpec> spec = s.models().stream()
              .filter(x -> x.id().equals(u.model())).findFirst();
          spec.ifPresent(x -> {
            up.set("regions", Wire.strings(x.regions()));
            up.set("tiers", Wire.strings(x.tiers()));
            up.set("prices", PricingRoute.rows(x.withPricing(x.pricing()
                .withMarkup(a.markupPercent())), s.currency()));
          });
        }
      }
    }
    return out;
  }

  /** The formula in words, e.g. for OpenRouter's google/veo-3.1 over two upstreams. */
  static String formula(Pool p, BigDecimal markupPercent) {
    String order = p.upstreams().stream().map(u -> u.provider() + " (" + u.model() + ")")
        .collect(Collectors.joining(", then "));
    String markup = markupPercent.toPlainString() + "%";
    return p.id() + " runs on the first upstream that is available and accepts the request,"
        + " in this order: " + order + ". The job costs what that upstream charges for it (its"
        + " own price list, billed when it bills) plus " + markup + " of that, rounded up to a"
        + " whole micro-unit. When an upstream is down or refuses, the next one runs and the"
        + " job costs that one's price plus " + markup + "; an upstream that failed costs"
        + " nothing, and when every upstream fails nothing is charged.";
  }

  /** The section for people, appended to the HTML page. */
  static void html(StringBuilder h, JsonNode aggregators) {
    for (JsonNode a : aggregators) {
      h.append("<h1>Aggregator: ").append(esc(a.get("dialect").asText()))
          .append("</h1><p class=d>Markup ").append(esc(a.get("markupPercent").asText()))
          .append("% on the upstream's charge.");
      for (JsonNode m : a.get("models")) {
        String id = a.get("dialect").asText() + ":" + m.get("id").asText();
        h.append("<h2 id=\"").append(esc(id)).append("\">").append(esc(m.get("id").asText()))
            .append("</h2><p>").append(esc(m.get("formula").asText()));
        h.append("<table><tr><th>upstream<th>model<th>mode<th>resolution<th>tier<th>seconds"
            + "<th>cost<th>formula");
        for (JsonNode u : m.get("upstreams")) {
          for (JsonNode r : u.path("prices")) {
            JsonNode q = r.get("quote");
            h.append("<tr><td>").append(esc(u.get("provider").asText())).append("<td>")
                .append(esc(u.get("model").asText())).append("<td>")
                .append(esc(r.get("mode").asText())).append("<td>")
                .append(esc(r.get("resolution").asText())).append("<td>")
                .append(r.get("tier").isNull() ? "any" : esc(r.get("tier").asText()))
                .append("<td class=n>").append(esc(r.get("seconds").asText()))
                .append("<td class=n>").append(esc(q.get("total").asText()))
                .append("<td>").append(esc(q.get("rule").asText()));
          }
        }
        h.append("</table>");
      }
    }
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
