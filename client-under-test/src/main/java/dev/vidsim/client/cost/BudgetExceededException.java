package dev.vidsim.client.cost;

import dev.vidsim.client.catalog.CostQuote;

/** A create refused by the client's budget; nothing was sent or charged. */
public class BudgetExceededException extends RuntimeException {
  private final transient CostQuote quote;

  public BudgetExceededException(String message, CostQuote quote) {
    super(message);
    this.quote = quote;
  }

  public CostQuote quote() {
    return quote;
  }
}
