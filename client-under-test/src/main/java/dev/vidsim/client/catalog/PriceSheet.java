package dev.vidsim.client.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.client.Amount;
import dev.vidsim.client.JsonSupport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's price list as the catalog publishes it ({@code GET /v1/models}, field "pricing"):
 * everything needed to quote a job before creating it.
 *
 * @param onFailure     settlement per failure kind: "refund", "keep" or "partial:N"
 * @param markupPercent an aggregator's markup on the upstream's usage charge (zero: none)
 */
public record PriceSheet(String currency, String unit, Amount price, long per, String billOn,
                         int createSharePercent, Amount minimum, Amount flatFee,
                         BigDecimal increment, BigDecimal minimumSeconds, Amount pollFee,
                         BigDecimal tokensPerSecond, BigDecimal creditsPerSecond,
                         BigDecimal creditsPerVideo, String imageCount, int framesPerSecond,
                         List<PriceRule> prices, Map<String, String> onFailure,
                         BigDecimal markupPercent) {
  /** A unit price for a (mode, resolution, tier); null fields match anything. */
  public record PriceRule(String mode, String resolution, String tier, Amount price) {
    int specificity() {
      return (mode == null ? 0 : 1) + (resolution == null ? 0 : 1) + (tier == null ? 0 : 1);
    }
  }

  public PriceSheet {
    prices = List.copyOf(prices);
    onFailure = Map.copyOf(onFailure);
  }

  public static PriceSheet fromJson(JsonNode p) {
    List<PriceRule> rules = new ArrayList<>();
    p.path("prices").forEach(r -> rules.add(new PriceRule(JsonSupport.text(r, "mode"),
        JsonSupport.text(r, "resolution"), JsonSupport.text(r, "tier"),
        JsonSupport.amount(r, "price"))));
    Map<String, String> failure = new LinkedHashMap<>();
    p.path("onFailure").fields()
        .forEachRemaining(e -> failure.put(e.getKey(), e.getValue().asText()));
    return new PriceSheet(JsonSupport.text(p, "currency"), JsonSupport.text(p, "unit"),
        JsonSupport.amount(p, "price"), p.path("per").asLong(1), JsonSupport.text(p, "billOn"),
        p.path("createSharePercent").asInt(0), JsonSupport.amount(p, "minimum"),
        JsonSupport.amount(p, "flatFee"), JsonSupport.decimal(p, "increment", BigDecimal.ONE),
        JsonSupport.decimal(p, "minimumSeconds", BigDecimal.ZERO),
        JsonSupport.amount(p, "pollFee"),
        JsonSupport.decimal(p, "tokensPerSecond", BigDecimal.ZERO),
        JsonSupport.decimal(p, "creditsPerSecond", BigDecimal.ZERO),
        JsonSupport.decimal(p, "creditsPerVideo", BigDecimal.ONE),
        JsonSupport.text(p, "imageCount"), p.path("framesPerSecond").asInt(24), rules, failure,
        JsonSupport.decimal(p, "markupPercent", BigDecimal.ZERO));
  }

  /**
   * Share of the quoted usage a failed job finally costs, in whole percent: refund 0, keep 100,
   * partial:N N. Unknown kinds follow the provider default (a task keeps, the rest refunds).
   */
  public int failurePercent(String kind) {
    String policy = onFailure.get(kind);
    if (policy == null) return "task".equals(unit) ? 100 : 0;
    if (policy.equals("keep")) return 100;
    if (policy.startsWith("partial:")) return Integer.parseInt(policy.substring(8));
    return 0;
  }
}
