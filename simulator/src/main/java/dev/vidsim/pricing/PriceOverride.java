package dev.vidsim.pricing;

import dev.vidsim.money.Money;

/** A unit price for a (mode, resolution, tier) combination; null fields match anything. */
public record PriceOverride(String mode, String resolution, String tier, Money price) {
  boolean matches(JobSpec spec) {
    return (mode == null || mode.equals(spec.mode()))
        && (resolution == null || resolution.equals(spec.resolution()))
        && (tier == null || tier.equals(spec.tier()));
  }

  /** More specific overrides win: counts the fields that are set. */
  int specificity() {
    return (mode == null ? 0 : 1) + (resolution == null ? 0 : 1) + (tier == null ? 0 : 1);
  }
}
