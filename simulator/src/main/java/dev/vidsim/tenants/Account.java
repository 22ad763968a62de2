package dev.vidsim.tenants;

import dev.vidsim.money.Money;

/** A tenant as a scenario declares it, with its opening balance. */
public record Account(String apiKey, String tier, String region, Money balance) {}
