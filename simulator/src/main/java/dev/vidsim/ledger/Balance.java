package dev.vidsim.ledger;

import dev.vidsim.money.Money;

/**
 * Derived from the entries, never stored.
 *
 * @param balance   topups + refunds − charges − captures
 * @param held      open holds (hold − capture − release of unsettled holds)
 * @param available balance − held: what a new request may spend
 */
public record Balance(Money balance, Money held, Money available, Money spent) {}
