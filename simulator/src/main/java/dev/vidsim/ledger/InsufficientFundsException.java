package dev.vidsim.ledger;

import dev.vidsim.money.Money;

/** Create or poll needs more than the tenant has available; nothing was written. */
public final class InsufficientFundsException extends RuntimeException {
  private final Money needed;
  private final Money available;

  public InsufficientFundsException(Money needed, Money available) {
    super("needs " + needed + " but only " + available + " is available");
    this.needed = needed;
    this.available = available;
  }

  public Money needed() {
    return needed;
  }

  public Money available() {
    return available;
  }
}
