package dev.vidsim.client.catalog;

import dev.vidsim.client.Amount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Quotes a job from the catalog's published prices with the provider's documented formula:
 * usage = max(minimum, ceil(quantity × unitPrice / per)) rounded up to a whole micro; an
 * aggregator adds its markup to that, rounded up to a whole micro again.
 */
public final class Quoter {
  private Quoter() {}

  /**
   * @param tier the caller's tier, or null when unknown: then the dearest price any tier could
   *             pay is used, so the budget check stays on the safe side
   */
  public static CostQuote quote(ModelInfo model, JobShape shape, String tier) {
    PriceSheet p = model.pricing();
    return quoteAt(model, shape, unitPrice(p, shape.mode(), model.resolution(shape), tier));
  }

  /**
   * The quote at a known unit price: when the tier was unknown, the price the provider applied
   * is accepted only if the catalog lists it for this job under some tier.
   */
  public static CostQuote requote(CostQuote own, ModelInfo model, JobShape shape,
                                  Amount applied) {
    PriceSheet p = model.pricing();
    Set<String> tiers = new LinkedHashSet<>();
    tiers.add(null);
    p.prices().forEach(r -> tiers.add(r.tier()));
    for (String t : tiers) {
      if (matching(p, shape.mode(), model.resolution(shape), t).equals(applied)) {
        return quoteAt(model, shape, applied);
      }
    }
    return own;
  }

  private static CostQuote quoteAt(ModelInfo model, JobShape shape, Amount unitPrice) {
    PriceSheet p = model.pricing();
    BigDecimal quantity = quantity(p, model.seconds(shape), shape.inputImages());
    BigDecimal raw = unitPrice.toUnits().multiply(quantity)
        .divide(BigDecimal.valueOf(p.per()), 12, RoundingMode.CEILING);
    Amount upstream = Amount.max(p.minimum(), Amount.ceilOf(raw));
    Amount usage = p.markupPercent().signum() == 0 ? upstream : Amount.ceilOf(upstream.toUnits()
        .multiply(BigDecimal.ONE.add(p.markupPercent().movePointLeft(2))));
    Amount onCreate = switch (p.billOn()) {
      case "create" -> usage;
      case "split" -> usage.percent(p.createSharePercent());
      default -> Amount.ZERO;
    };
    return new CostQuote(model.id(), p.unit(), quantity, unitPrice, usage, onCreate,
        usage.minus(onCreate), p.flatFee(), p.pollFee(), p.currency());
  }

  /** Seconds billed: ceil to the increment, at least the minimum seconds. */
  static BigDecimal billedSeconds(PriceSheet p, BigDecimal seconds) {
    BigDecimal steps = seconds.divide(p.increment(), 0, RoundingMode.CEILING);
    BigDecimal billed = steps.multiply(p.increment()).max(p.minimumSeconds()).stripTrailingZeros();
    return billed.scale() < 0 ? billed.setScale(0) : billed;
  }

  static BigDecimal quantity(PriceSheet p, BigDecimal seconds, int inputImages) {
    BigDecimal billed = billedSeconds(p, seconds);
    return switch (p.unit()) {
      case "second" -> billed;
      case "token" -> billed.multiply(p.tokensPerSecond()).setScale(0, RoundingMode.CEILING);
      case "credit" -> p.creditsPerSecond().signum() > 0
          ? billed.multiply(p.creditsPerSecond()).setScale(0, RoundingMode.CEILING)
          : p.creditsPerVideo();
      case "image" -> "frames".equals(p.imageCount())
          ? billed.multiply(BigDecimal.valueOf(p.framesPerSecond()))
              .setScale(0, RoundingMode.CEILING)
          : BigDecimal.valueOf(inputImages);
      case "video", "task" -> BigDecimal.ONE;
      default -> throw new IllegalArgumentException("cannot quote unknown pricing unit '"
          + p.unit() + "'");
    };
  }

  static Amount unitPrice(PriceSheet p, String mode, String resolution, String tier) {
    if (tier != null) return matching(p, mode, resolution, tier);
    Set<String> tiers = new LinkedHashSet<>();
    tiers.add(null);
    p.prices().forEach(r -> tiers.add(r.tier()));
    Amount dearest = Amount.ZERO;
    for (String t : tiers) dearest = Amount.max(dearest, matching(p, mode, resolution, t));
    return dearest;
  }

  /** The most specific matching rule wins; on a tie the first listed. */
  private static Amount matching(PriceSheet p, String mode, String resolution, String tier) {
    PriceSheet.PriceRule best = null;
    for (PriceSheet.PriceRule r : p.prices()) {
      boolean matches = (r.mode() == null || r.mode().equals(mode))
          && (r.resolution() == null || r.resolution().equals(resolution))
          && (r.tier() == null || r.tier().equals(tier));
      if (matches && (best == null || r.specificity() > best.specificity())) best = r;
    }
    return best == null ? p.price() : best.price();
  }
}
