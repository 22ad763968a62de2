package dev.vidsim.client.cost;

import dev.vidsim.client.Amount;
import dev.vidsim.client.catalog.CostQuote;

/**
 * Spending limits checked before every create against the quote: a job may cost at most
 * {@code perCallMax}, and everything submitted in this session at most {@code perSessionMax}
 * (worst case: running jobs count at their full quote). Null means no limit.
 */
public record Budget(Amount perCallMax, Amount perSessionMax) {
  public static final Budget UNLIMITED = new Budget(null, null);

  /** @throws BudgetExceededException before anything is sent */
  public void check(CostQuote quote, Amount committed) {
    if (perCallMax != null && quote.total().compareTo(perCallMax) > 0) {
      throw new BudgetExceededException("quote " + quote + " exceeds the per-call budget of "
          + perCallMax, quote);
    }
    if (perSessionMax != null && committed.plus(quote.total()).compareTo(perSessionMax) > 0) {
      throw new BudgetExceededException("quote " + quote + " on top of " + committed
          + " already committed exceeds the session budget of " + perSessionMax, quote);
    }
  }
}
