package dev.vidsim.pricing;

import dev.vidsim.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Turns a model's {@link Pricing} and a {@link JobSpec} into a {@link Quote}. Stateless. */
public final class PriceCalculator {
  private PriceCalculator() {}

  public static Quote quote(Pricing p, JobSpec spec) {
    BigDecimal quantity = quantity(p, spec);
    Money unitPrice = p.unitPrice(spec);
    BigDecimal raw = unitPrice.toUnits().multiply(quantity)
        .divide(BigDecimal.valueOf(p.per()), 12, RoundingMode.CEILING);
    Money upstream = Money.max(p.minimum(), Money.ceilOf(raw));
    Money usage = markedUp(upstream, p.markupPercent());
    Money onCreate = switch (p.billOn()) {
      case CREATE -> usage;
      case DELIVERY -> Money.ZERO;
      case SPLIT -> usage.percent(p.createSharePercent());
    };
    Money held = usage.minus(onCreate);
    return new Quote(p.unit(), quantity, unitPrice, p.per(), usage, onCreate, held, p.flatFee(),
        rule(p, quantity, unitPrice, upstream));
  }

  /**
   * An aggregator's price: the upstream's usage charge plus {@code percent} of it, rounded up to
   * a whole micro-unit like every charge (0.40 + 5.5% = 0.422; 0.000001 + 5.5% = 0.000002).
   */
  public static Money markedUp(Money upstream, BigDecimal percent) {
    if (percent.signum() == 0) return upstream;
    BigDecimal factor = BigDecimal.ONE.add(percent.movePointLeft(2));
    return Money.ceilOf(upstream.toUnits().multiply(factor));
  }

  /** Seconds actually billed: ceil to the increment, at least the minimum seconds. */
  public static BigDecimal billedSeconds(Pricing p, BigDecimal seconds) {
    BigDecimal steps = seconds.divide(p.incrementSeconds(), 0, RoundingMode.CEILING);
    BigDecimal rounded = steps.multiply(p.incrementSeconds());
    BigDecimal billed = rounded.max(p.minimumSeconds()).stripTrailingZeros();
    return billed.scale() < 0 ? billed.setScale(0) : billed;
  }

  static BigDecimal quantity(Pricing p, JobSpec spec) {
    BigDecimal seconds = billedSeconds(p, spec.seconds());
    return switch (p.unit()) {
      case SECOND -> seconds;
      case TOKEN -> seconds.multiply(p.tokensPerSecond()).setScale(0, RoundingMode.CEILING);
      case CREDIT -> p.creditsPerSecond().signum() > 0
          ? seconds.multiply(p.creditsPerSecond()).setScale(0, RoundingMode.CEILING)
          : p.creditsPerVideo();
      case IMAGE -> "frames".equals(p.imageCount())
          ? seconds.multiply(BigDecimal.valueOf(p.framesPerSecond())).setScale(0,
              RoundingMode.CEILING)
          : BigDecimal.valueOf(spec.inputImages());
      case VIDEO, TASK -> BigDecimal.ONE;
    };
  }

  private static String rule(Pricing p, BigDecimal quantity, Money unitPrice, Money usage) {
    String per = p.per() == 1 ? "" : "/" + p.per();
    String formula = quantity.toPlainString() + " " + p.unit().wireName() + " x " + unitPrice + per;
    if (usage.equals(p.minimum()) && p.minimum().isPositive()) {
      formula += " (minimum " + p.minimum() + ")";
    }
    if (p.markupPercent().signum() > 0) {
      formula += " + " + p.markupPercent().toPlainString() + "% markup";
    }
    return formula;
  }
}
