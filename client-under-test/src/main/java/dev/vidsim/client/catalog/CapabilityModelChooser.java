package dev.vidsim.client.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Walks the caller's ordered list and takes the first model the catalog offers that can render
 * the job; with no list (or, when allowed, none of it capable) takes the cheapest capable model.
 * Never needs a hard-coded id: a model missing from the catalog is simply skipped and reported.
 */
public class CapabilityModelChooser implements ModelChooser {
  private final boolean anyCapableAsLastResort;

  public CapabilityModelChooser(boolean anyCapableAsLastResort) {
    this.anyCapableAsLastResort = anyCapableAsLastResort;
  }

  @Override
  public ModelChoice choose(List<ModelInfo> catalog, JobShape shape, List<String> preferred,
                            String tier) {
    List<String> skipped = new ArrayList<>();
    for (String id : preferred) {
      Optional<ModelInfo> m = find(catalog, id);
      String why = m.isEmpty() ? id + " is not in the catalog" : m.get().whyNot(shape);
      if (why == null) return choice(catalog, m.get(), shape, preferred, tier, skipped);
      skipped.add(why);
    }
    if (!preferred.isEmpty() && !anyCapableAsLastResort) {
      throw new NoModelException("none of " + preferred + " can render this job: " + skipped);
    }
    ModelInfo cheapest = catalog.stream().filter(m -> m.supports(shape))
        .min(Comparator.comparing((ModelInfo m) -> Quoter.quote(m, shape, tier).total()))
        .orElseThrow(() -> new NoModelException("no model in the catalog renders " + shape
            + (skipped.isEmpty() ? "" : "; skipped " + skipped)));
    return choice(catalog, cheapest, shape, preferred, tier, skipped);
  }

  private static ModelChoice choice(List<ModelInfo> catalog, ModelInfo chosen, JobShape shape,
                                    List<String> preferred, String tier, List<String> skipped) {
    CostQuote quote = Quoter.quote(chosen, shape, tier);
    if (preferred.isEmpty()) return new ModelChoice(chosen, quote, null, false, null, null);
    String first = preferred.get(0);
    boolean fellBack = !chosen.id().equals(first);
    CostQuote firstQuote = find(catalog, first).map(m -> Quoter.quote(m, shape, tier))
        .orElse(null);
    return new ModelChoice(chosen, quote, first, fellBack, firstQuote,
        fellBack ? String.join("; ", skipped) : null);
  }

  static Optional<ModelInfo> find(List<ModelInfo> catalog, String id) {
    return catalog.stream().filter(m -> m.id().equals(id)).findFirst();
  }
}
