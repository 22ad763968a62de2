package dev.vidsim.client.catalog;

import dev.vidsim.client.Amount;
import java.math.BigDecimal;

/**
 * What one job will cost, computed by the client from catalog prices before creating it.
 *
 * @param usage    what a delivered job costs: max(minimum, ceil(quantity × unitPrice / per))
 * @param onCreate usage charged at create (all, none or the split share)
 * @param held     usage reserved at create and captured on delivery
 * @param flatFee  per accepted create, never refunded
 * @param pollFee  per status poll
 */
public record CostQuote(String model, String unit, BigDecimal quantity, Amount unitPrice,
                        Amount usage, Amount onCreate, Amount held, Amount flatFee,
                        Amount pollFee, String currency) {
  /** Everything the job may cost before polling: usage plus the request fee. */
  public Amount total() {
    return usage.plus(flatFee);
  }

  /** Charged (not held) the moment the create succeeds. */
  public Amount chargedOnCreate() {
    return onCreate.plus(flatFee);
  }

  @Override
  public String toString() {
    return model + ": " + quantity.toPlainString() + " " + unit + " x " + unitPrice + " = "
        + total() + " " + currency;
  }
}
