package dev.vidsim.catalog;

import dev.vidsim.pricing.FailureKind;
import dev.vidsim.pricing.JobSpec;
import dev.vidsim.pricing.PriceCalculator;
import dev.vidsim.pricing.PriceOverride;
import dev.vidsim.pricing.Pricing;
import dev.vidsim.pricing.Quote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model's price list as a pricing page shows it: one row per mode, resolution and tier with
 * the unit price and what a default-length video costs, and the rules in words. The numbers
 * come from the same {@link PriceCalculator} that bills, so the page cannot drift from charges.
 */
public final class PriceSheet {
  /** Stands for "a tier no price names" in a row (the base price applies). */
  public static final String OTHER_TIERS = "";

  private PriceSheet() {}

  /** @param tier a tier name, or {@link #OTHER_TIERS} */
  public record Row(String mode, String resolution, String tier, JobSpec example, Quote quote) {}

  public static List<Row> rows(ModelSpec m) {
    List<Row> rows = new ArrayList<>();
    for (String mode : m.modes()) {
      for (String resolution : m.resolutions()) {
        for (String tier : tiers(m)) {
          JobSpec spec = new JobSpec(mode, resolution, tier, m.defaultSeconds(),
              ModelSpec.IMAGE_TO_VIDEO.equals(mode) ? 1 : 0);
          rows.add(new Row(mode, resolution, tier, spec, PriceCalculator.quote(m.pricing(), spec)));
        }
      }
    }
    return rows;
  }

  /** The model's tiers; open to every tier: those a price names, then every other tier. */
  private static List<String> tiers(ModelSpec m) {
    if (!m.tiers().isEmpty()) return m.tiers();
    Set<String> named = new LinkedHashSet<>();
    for (PriceOverride o : m.pricing().overrides()) {
      if (o.tier() != null) named.add(o.tier());
    }
    named.add(OTHER_TIERS);
    return List.copyOf(named);
  }

  /** How a job's cost is worked out, in words. */
  public static List<String> rules(Pricing p, String currency) {
    List<String> out = new ArrayList<>();
    String per = p.per() == 1 ? "" : " per " + p.per();
    String seconds = "billed seconds = the video's seconds rounded up to a multiple of "
        + p.incrementSeconds().stripTrailingZeros().toPlainString()
        + (p.minimumSeconds().signum() > 0 ? ", at least "
            + p.minimumSeconds().stripTrailingZeros().toPlainString() : "");
    switch (p.unit()) {
      case SECOND -> out.add(seconds + "; cost = billed seconds x the unit price" + per);
      case TOKEN -> out.add(seconds + "; tokens = billed seconds x " + p.tokensPerSecond()
          + ", rounded up; cost = tokens x the unit price" + per);
      case CREDIT -> out.add(p.creditsPerSecond().signum() > 0
          ? seconds + "; credits = billed seconds x " + p.creditsPerSecond()
              + ", rounded up; cost = credits x the unit price" + per
          : p.creditsPerVideo() + " credits per video; cost = credits x the unit price" + per);
      case IMAGE -> out.add("frames".equals(p.imageCount())
          ? seconds + "; images = billed seconds x " + p.framesPerSecond()
              + " frames; cost = images x the unit price" + per
          : "images = the input images; cost = images x the unit price" + per);
      case VIDEO -> out.add("one price per delivered video");
      case TASK -> out.add("one price per accepted task");
    }
    out.add("amounts are rounded up to the micro-" + currency);
    if (p.minimum().isPositive()) out.add("at least " + p.minimum() + " per job");
    out.add(switch (p.billOn()) {
      case CREATE -> "charged in full when the job is accepted";
      case DELIVERY -> "held when the job is accepted, captured when the video is delivered";
      case SPLIT -> p.createSharePercent() + "% charged when the job is accepted, the rest held"
          + " and captured when the video is delivered";
    });
    if (p.flatFee().isPositive()) {
      out.add("plus a flat fee of " + p.flatFee() + " per accepted create, never refunded");
    }
    if (p.pollFee().isPositive()) out.add("plus " + p.pollFee() + " per status poll");
    return out;
  }

  /** What each way of failing costs: refund, keep, or a kept percentage. */
  public static Map<String, String> onFailure(Pricing p) {
    Map<String, String> out = new LinkedHashMap<>();
    for (FailureKind k : FailureKind.values()) {
      out.put(k.wireName(), p.settlementFor(k).toString());
    }
    return out;
  }
}
