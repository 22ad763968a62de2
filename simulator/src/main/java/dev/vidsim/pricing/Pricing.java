package dev.vidsim.pricing;

import dev.vidsim.money.Money;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A model's price list and billing rules. Pure data plus the arithmetic; it never touches a ledger.
 *
 * @param per                quantity the unit price is for (e.g. 1000 tokens); usually 1
 * @param createSharePercent for {@link BillOn#SPLIT}: whole percent of the usage charged on create
 * @param minimum            least usage charge per job
 * @param flatFee            charged once per accepted create request, never refunded
 * @param incrementSeconds   billed seconds are rounded up to a multiple of this
 * @param minimumSeconds     billed seconds are at least this
 * @param pollFee            charged per status poll of a job (zero: free)
 * @param imageCount         for {@link PricingUnit#IMAGE}: "input" images or output "frames"
 * @param markupPercent      an aggregator's markup on the usage charge (zero: none), see
 *                           {@link PriceCalculator#markedUp}
 */
public record Pricing(
    PricingUnit unit, Money price, List<PriceOverride> overrides, long per, BillOn billOn,
    int createSharePercent, Money minimum, Money flatFee, BigDecimal incrementSeconds,
    BigDecimal minimumSeconds, Money pollFee, BigDecimal tokensPerSecond,
    BigDecimal creditsPerSecond, BigDecimal creditsPerVideo, String imageCount,
    int framesPerSecond, Map<FailureKind, Settlement> onFailure, BigDecimal markupPercent) {

  /** A model's own price list, without a markup. */
  public Pricing(PricingUnit unit, Money price, List<PriceOverride> overrides, long per,
                 BillOn billOn, int createSharePercent, Money minimum, Money flatFee,
                 BigDecimal incrementSeconds, BigDecimal minimumSeconds, Money pollFee,
                 BigDecimal tokensPerSecond, BigDecimal creditsPerSecond,
                 BigDecimal creditsPerVideo, String imageCount, int framesPerSecond,
                 Map<FailureKind, Settlement> onFailure) {
    this(unit, price, overrides, per, billOn, createSharePercent, minimum, flatFee,
        incrementSeconds, minimumSeconds, pollFee, tokensPerSecond, creditsPerSecond,
        creditsPerVideo, imageCount, framesPerSecond, onFailure, BigDecimal.ZERO);
  }

  public Pricing {
    if (markupPercent.signum() < 0) {
      throw new IllegalArgumentException("markup must not be negative, got " + markupPercent);
    }
    overrides = List.copyOf(overrides);
    onFailure = Map.copyOf(onFailure);
    if (per < 1) throw new IllegalArgumentException("per must be >= 1, got " + per);
    if (unit == PricingUnit.TASK && billOn != BillOn.CREATE) {
      throw new IllegalArgumentException("unit task is charged on create; billOn must be create");
    }
    if (billOn == BillOn.SPLIT && (createSharePercent < 1 || createSharePercent > 99)) {
      throw new IllegalArgumentException(
          "billOn split needs createSharePercent between 1 and 99, got " + createSharePercent);
    }
    if (incrementSeconds.signum() <= 0) {
      throw new IllegalArgumentException("increment must be positive");
    }
  }

  /** A per-unit price with every optional rule at its neutral value. */
  public static Pricing simple(PricingUnit unit, Money price, BillOn billOn) {
    return new Pricing(unit, price, List.of(), 1, billOn, 0, Money.ZERO, Money.ZERO,
        BigDecimal.ONE, BigDecimal.ZERO, Money.ZERO, BigDecimal.valueOf(1000), BigDecimal.ZERO,
        BigDecimal.ONE, "input", 24, Map.of());
  }

  /** Unit price for this spec: the most specific matching override, else the base price. */
  public Money unitPrice(JobSpec spec) {
    return overrides.stream().filter(o -> o.matches(spec))
        .max(Comparator.comparingInt(PriceOverride::specificity))
        .map(PriceOverride::price).orElse(price);
  }

  /** Default policy: a task is kept whatever happens; everything else is refunded. */
  public Settlement settlementFor(FailureKind kind) {
    Settlement fallback = unit == PricingUnit.TASK ? Settlement.KEEP : Settlement.REFUND;
    return onFailure.getOrDefault(kind, fallback);
  }

  public Pricing withBillOn(BillOn newBillOn, int newSharePercent) {
    return new Pricing(unit, price, overrides, per, newBillOn, newSharePercent, minimum, flatFee,
        incrementSeconds, minimumSeconds, pollFee, tokensPerSecond, creditsPerSecond,
        creditsPerVideo, imageCount, framesPerSecond, onFailure, markupPercent);
  }

  /** A unit price of this list as the client pays it: with the markup, if any. */
  public Money sold(Money unitPrice) {
    return PriceCalculator.markedUp(unitPrice, markupPercent);
  }

  /** This price list as an aggregator resells it: the usage charge plus {@code percent}. */
  public Pricing withMarkup(BigDecimal percent) {
    return new Pricing(unit, price, overrides, per, billOn, createSharePercent, minimum, flatFee,
        incrementSeconds, minimumSeconds, pollFee, tokensPerSecond, creditsPerSecond,
        creditsPerVideo, imageCount, framesPerSecond, onFailure, percent);
  }
}
