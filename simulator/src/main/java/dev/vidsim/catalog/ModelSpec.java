package dev.vidsim.catalog;

import dev.vidsim.pricing.Pricing;
import java.math.BigDecimal;
import java.util.List;

/**
 * A model the simulated provider offers.
 *
 * @param tiers empty means every tier may use it
 */
public record ModelSpec(String id, String description, List<String> modes,
                        List<String> resolutions, List<String> regions, List<String> tiers,
                        BigDecimal minSeconds, BigDecimal maxSeconds, BigDecimal defaultSeconds,
                        Pricing pricing, Latency latency) {
  public static final String TEXT_TO_VIDEO = "text-to-video";
  public static final String IMAGE_TO_VIDEO = "image-to-video";

  public ModelSpec {
    modes = List.copyOf(modes);
    resolutions = List.copyOf(resolutions);
    regions = List.copyOf(regions);
    tiers = List.copyOf(tiers);
  }

  public boolean servesRegion(String region) {
    return regions.contains(region);
  }

  public boolean allowsTier(String tier) {
    return tiers.isEmpty() || tiers.contains(tier);
  }

  public ModelSpec withId(String newId) {
    return new ModelSpec(newId, description, modes, resolutions, regions, tiers, minSeconds,
        maxSeconds, defaultSeconds, pricing, latency);
  }

  /** The same model sold at another price list (an aggregator's markup). */
  public ModelSpec withPricing(Pricing newPricing) {
    return new ModelSpec(id, description, modes, resolutions, regions, tiers, minSeconds,
        maxSeconds, defaultSeconds, newPricing, latency);
  }

  public String defaultResolution() {
    return resolutions.get(0);
  }
}
