package dev.vidsim.dialect.runway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.vidsim.catalog.ModelSpec;
import dev.vidsim.money.Money;
import dev.vidsim.pricing.PricingUnit;
import dev.vidsim.pricing.Quote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Runway counts in credits ($0.01 each on its pricing page). A job priced in credits says what
 * a credit costs in the scenario's currency; a scenario in {@code CREDITS} counts them as they
 * are; otherwise a credit is $0.01.
 */
final class RunwayCredits {
  static final BigDecimal USD_PER_CREDIT = new BigDecimal("0.01");

  private RunwayCredits() {}

  /** What one credit costs for this job. */
  static BigDecimal perCredit(Quote q, String currency) {
    if (q.unit() == PricingUnit.CREDIT) {
      return q.unitPrice().toUnits().divide(BigDecimal.valueOf(q.per()), 12,
          RoundingMode.UNNECESSARY).stripTrailingZeros();
    }
    return fallback(currency);
  }

  /** What one credit costs for an organization: its first credit-priced model's price. */
  static BigDecimal perCredit(List<ModelSpec> models, String currency) {
    return models.stream().filter(m -> m.pricing().unit() == PricingUnit.CREDIT).findFirst()
        .map(m -> m.pricing().price().toUnits().divide(BigDecimal.valueOf(m.pricing().per()),
            12, RoundingMode.UNNECESSARY).stripTrailingZeros())
        .orElse(fallback(currency));
  }

  private static BigDecimal fallback(String currency) {
    return "CREDITS".equals(currency) ? BigDecimal.ONE : USD_PER_CREDIT;
  }

  /** An amount in credits: a whole number when it is one, else up to two decimals. */
  static BigDecimal of(Money amount, BigDecimal perCredit) {
    BigDecimal c = amount.toUnits().divide(perCredit, 2, RoundingMode.HALF_UP);
    return c.signum() == 0 ? BigDecimal.ZERO : c.stripTrailingZeros();
  }

  static JsonNode node(Money amount, BigDecimal perCredit) {
    BigDecimal c = of(amount, perCredit);
    return c.scale() <= 0 ? JsonNodeFactory.instance.numberNode(c.longValueExact())
        : JsonNodeFactory.instance.numberNode(c);
  }
}
