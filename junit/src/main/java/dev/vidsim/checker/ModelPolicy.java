package dev.vidsim.checker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.catalog.ModelSpec;
import dev.vidsim.money.Money;
import dev.vidsim.pricing.FailureKind;
import dev.vidsim.pricing.Pricing;
import dev.vidsim.pricing.Settlement;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * What the scenario declares for one model, as far as the checks need it: the billing unit and
 * rounding, minimum charge, poll fee, and the failure policy per kind (error, timeout, cancel,
 * contentFilter).
 */
public record ModelPolicy(String model, String unit, BigDecimal incrementSeconds,
                          BigDecimal minimumSeconds, Money minimum, Money pollFee,
                          Map<String, Settlement> onFailure) {
  public ModelPolicy {
    onFailure = Map.copyOf(onFailure);
  }

  public static ModelPolicy of(ModelSpec m) {
    Pricing p = m.pricing();
    Map<String, Settlement> failure = new HashMap<>();
    for (FailureKind k : FailureKind.values()) failure.put(k.wireName(), p.settlementFor(k));
    return new ModelPolicy(m.id(), p.unit().wireName(), p.incrementSeconds(),
        p.minimumSeconds(), p.minimum(), p.pollFee(), failure);
  }

  /** From a model of {@code GET /v1/models} (its {@code pricing} block). */
  public static ModelPolicy fromModelJson(JsonNode model) {
    JsonNode p = model.path("pricing");
    Map<String, Settlement> failure = new HashMap<>();
    p.path("onFailure").fields().forEachRemaining(
        f -> failure.put(f.getKey(), Settlement.parse(f.getValue().asText())));
    return new ModelPolicy(Js.text(model, "id"), Js.text(p, "unit"),
        p.path("increment").decimalValue(), p.path("minimumSeconds").decimalValue(),
        orZero(Js.money(p, "minimum")), orZero(Js.money(p, "pollFee")), failure);
  }

  private static Money orZero(Money m) {
    return m == null ? Money.ZERO : m;
  }

  /** The declared settlement for a failure kind; vidsim's default when the model declares none. */
  public Settlement settlementFor(String kind) {
    Settlement s = onFailure.get(kind);
    if (s != null) return s;
    return "task".equals(unit) ? Settlement.KEEP : Settlement.REFUND;
  }
}
