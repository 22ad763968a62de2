package dev.vidsim.aggregator;

import dev.vidsim.catalog.Catalog;
import dev.vidsim.catalog.ModelSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The aggregators of one scenario, and which upstream models a tenant may reach through them
 * now: an upstream is available when its catalog model is on offer (not removed) in the
 * tenant's region and tier, exactly as for a direct create.
 */
public final class Aggregators {
  public static final Aggregators NONE = new Aggregators(List.of(), new Catalog(List.of()));
  private final List<Aggregator> aggregators;
  private final Catalog catalog;

  public Aggregators(List<Aggregator> aggregators, Catalog catalog) {
    this.aggregators = List.copyOf(aggregators);
    this.catalog = catalog;
  }

  /** The aggregator a dialect serves, if any: its model ids are that aggregator's pools. */
  public Optional<Aggregator> servedBy(String dialect) {
    return aggregators.stream().filter(a -> a.dialect().equals(dialect)).findFirst();
  }

  /**
   * The upstream's catalog model if this tenant may use it now, else empty; a null tier and
   * region (no tenant) ask only whether it is on offer.
   */
  public Optional<ModelSpec> available(Upstream u, String tier, String region, Instant now) {
    return catalog.find(u.model(), now).filter(m -> (region == null || m.servesRegion(region))
        && (tier == null || m.allowsTier(tier)));
  }

  /** The upstream's catalog model as declared, whatever the time (for price comparisons). */
  public Optional<ModelSpec> declared(Upstream u) {
    return catalog.find(u.model());
  }

  /** Why an upstream is not available to this tenant now, in words. */
  public String whyUnavailable(Upstream u, String tier, String region, Instant now) {
    String gone = catalog.whyGone(u.model(), now);
    if (gone != null) return gone;
    ModelSpec m = catalog.find(u.model()).orElse(null);
    if (m == null) return "model '" + u.model() + "' is not in the catalog";
    if (!m.allowsTier(tier)) return "not on the " + tier + " tier";
    return "not served in region " + region;
  }

  /** The aggregator's models this tenant can reach now, each with its available upstreams. */
  public List<Offer> offers(String dialect, String tier, String region, Instant now) {
    Aggregator a = servedBy(dialect).orElse(null);
    if (a == null) return List.of();
    List<Offer> out = new ArrayList<>();
    for (Pool p : a.pools()) {
      List<ModelSpec> reachable = new ArrayList<>();
      List<Upstream> via = new ArrayList<>();
      for (Upstream u : p.upstreams()) {
        available(u, tier, region, now).ifPresent(m -> {
          reachable.add(m);
          via.add(u);
        });
      }
      if (!via.isEmpty()) {
        ModelSpec first = reachable.get(0);
        out.add(new Offer(p.id(), first.withPricing(first.pricing()
            .withMarkup(a.markupPercent())), via));
      }
    }
    return out;
  }

  /**
   * An aggregator model as a tenant sees it: the capabilities and marked-up prices of the first
   * upstream it would route to, and every upstream it may fall back to.
   */
  public record Offer(String id, ModelSpec model, List<Upstream> upstreams) {
    public Offer {
      upstreams = List.copyOf(upstreams);
    }
  }
}
