package dev.vidsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.money.Money;
import dev.vidsim.pricing.BillOn;
import dev.vidsim.pricing.FailureKind;
import dev.vidsim.pricing.PriceOverride;
import dev.vidsim.pricing.Pricing;
import dev.vidsim.pricing.PricingUnit;
import dev.vidsim.pricing.Settlement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Binds a model's {@code pricing} block, checking rules that span fields. */
final class PricingBinder {
  private final LocatedTree tree;
  private final ScenarioBinder helper;
  private final String at;
  private final List<String> modes;
  private final List<String> resolutions;

  PricingBinder(LocatedTree tree, ScenarioBinder helper, String at, List<String> modes,
                List<String> resolutions) {
    this.tree = tree;
    this.helper = helper;
    this.at = at;
    this.modes = modes;
    this.resolutions = resolutions;
  }

  Pricing bind() {
    JsonNode p = tree.root().at(at);
    PricingUnit unit = PricingUnit.parse(p.get("unit").asText());
    BillOn defaultBillOn = unit == PricingUnit.VIDEO || unit == PricingUnit.SECOND
        ? BillOn.DELIVERY : BillOn.CREATE;
    BillOn billOn = helper.parse(at + "/billOn", BillOn::parse, defaultBillOn);
    if (unit == PricingUnit.TASK && billOn != BillOn.CREATE) {
      throw tree.error(at + "/billOn", "unit task is charged on create whatever happens;"
          + " expected billOn: create (or leave it out), got " + billOn.wireName());
    }
    int share = p.path("createSharePercent").asInt(0);
    if (billOn == BillOn.SPLIT && share == 0) {
      throw tree.error(at + "/billOn", "billOn split needs createSharePercent (1..99)");
    }
    if (billOn != BillOn.SPLIT && share != 0) {
      throw tree.error(at + "/createSharePercent",
          "createSharePercent only applies to billOn split");
    }
    if (unit == PricingUnit.CREDIT && !p.has("creditsPerSecond") && !p.has("creditsPerVideo")) {
      throw tree.error(at + "/unit", "unit credit needs creditsPerSecond or creditsPerVideo");
    }
    return new Pricing(unit, helper.parse(at + "/price", Money::parse, Money.ZERO), overrides(p),
        p.path("per").asLong(1), billOn, share,
        helper.parse(at + "/minimum", Money::parse, Money.ZERO),
        helper.parse(at + "/flatFee", Money::parse, Money.ZERO),
        helper.decimal(at + "/increment", BigDecimal.ONE),
        helper.decimal(at + "/minimumSeconds", BigDecimal.ZERO),
        helper.parse(at + "/pollFee", Money::parse, Money.ZERO),
        helper.decimal(at + "/tokensPerSecond", BigDecimal.valueOf(1000)),
        helper.decimal(at + "/creditsPerSecond", BigDecimal.ZERO),
        helper.decimal(at + "/creditsPerVideo", BigDecimal.ONE),
        p.path("imageCount").asText("input"),
        p.path("framesPerSecond").asInt(24),
        failurePolicy());
  }

  private List<PriceOverride> overrides(JsonNode p) {
    List<PriceOverride> out = new ArrayList<>();
    JsonNode list = p.path("prices");
    for (int i = 0; i < list.size(); i++) {
      JsonNode o = list.get(i);
      String here = at + "/prices/" + i;
      String mode = text(o, "mode");
      String resolution = text(o, "resolution");
      if (mode != null && !modes.contains(mode)) {
        throw tree.error(here + "/mode", "the model has no mode \"" + mode + "\"; its modes: "
            + modes);
      }
      if (resolution != null && !resolutions.contains(resolution)) {
        throw tree.error(here + "/resolution", "the model has no resolution \"" + resolution
            + "\"; its resolutions: " + resolutions);
      }
      out.add(new PriceOverride(mode, resolution, text(o, "tier"),
          helper.parse(here + "/price", Money::parse, Money.ZERO)));
    }
    return out;
  }

  private Map<FailureKind, Settlement> failurePolicy() {
    Map<FailureKind, Settlement> out = new EnumMap<>(FailureKind.class);
    for (FailureKind kind : FailureKind.values()) {
      String pointer = at + "/onFailure/" + kind.wireName();
      Settlement s = helper.parse(pointer, Settlement::parse, null);
      if (s != null) {
        out.put(kind, s);
      }
    }
    return out;
  }

  private static String text(JsonNode o, String field) {
    return o.hasNonNull(field) ? o.get(field).asText() : null;
  }
}
