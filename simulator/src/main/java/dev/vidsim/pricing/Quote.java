package dev.vidsim.pricing;

import dev.vidsim.money.Money;
import java.math.BigDecimal;

/**
 * The price of one job, fixed at create.
 *
 * @param quantity   units counted (billed seconds, tokens, credits, images, 1 video, 1 task)
 * @param usage      max(minimum, ceil(quantity × unitPrice / per)): what a delivered job costs
 * @param onCreate   usage charged at create (all, none, or the split share)
 * @param held       usage reserved at create and captured on delivery
 * @param flatFee    request fee charged at create, never refunded
 * @param rule       human-readable formula, recorded on every ledger line it prices
 */
public record Quote(PricingUnit unit, BigDecimal quantity, Money unitPrice, long per,
                    Money usage, Money onCreate, Money held, Money flatFee, String rule) {
  /** The same price with another formula text (an aggregator names the upstream in it). */
  public Quote withRule(String newRule) {
    return new Quote(unit, quantity, unitPrice, per, usage, onCreate, held, flatFee, newRule);
  }

  /** Everything the job may cost: what create needs available. */
  public Money total() {
    return usage.plus(flatFee);
  }

  /** Money that leaves the available balance at create (charges plus holds). */
  public Money neededAtCreate() {
    return onCreate.plus(held).plus(flatFee);
  }
}
