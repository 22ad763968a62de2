package dev.vidsim.client;

import dev.vidsim.client.catalog.CostQuote;
import dev.vidsim.client.catalog.ModelChoice;
import dev.vidsim.client.catalog.ModelInfo;
import dev.vidsim.client.catalog.PriceSheet;
import dev.vidsim.client.catalog.Quoter;
import dev.vidsim.client.cost.CostLedger;
import java.util.List;
import java.util.Optional;

/**
 * What the ledger expects an accepted job to cost. A job on the chosen model is priced with the
 * client's own quote (so a mis-billing shows in reconciliation); a job on another model (resumed
 * after its model left the catalog, or after a fallback) is priced with the quote the provider
 * returned for it, never with the current choice's price or failure policy.
 */
final class JobPricing {
  /** The ledger's quote and price sheet (null when unknown), and the choice to report. */
  record Priced(CostQuote quote, PriceSheet pricing, ModelChoice choice) {}

  private JobPricing() {}

  /**
   * @param resumed  the job was found, not created from this choice
   * @param promised what the client quoted when it sent this job's create, or null
   */
  static Priced of(ModelChoice choice, VideoJob job, boolean resumed, GenerationRequest req,
                   String tier, List<ModelInfo> catalog, CostLedger.Promised promised) {
    if (choice != null && (!resumed || choice.model().id().equals(job.model()))) {
      return new Priced(expected(choice, job, req, tier), choice.model().pricing(), choice);
    }
    Priced found = found(job, req, tier, catalog);
    // a job found by its key is the create the client quoted, whatever the catalog says now
    if (promised != null && promised.quote().model().equals(job.model())) {
      return new Priced(promised.quote(), promised.pricing(), found.choice());
    }
    return found;
  }

  /** Priced by the provider's quote for it, else the catalog's entry for its model. */
  private static Priced found(VideoJob job, GenerationRequest req, String tier,
                              List<ModelInfo> catalog) {
    Optional<ModelInfo> own = catalog.stream().filter(m -> m.id().equals(job.model()))
        .findFirst();
    CostQuote q = job.quote();
    if (q == null) {
      q = own.map(m -> Quoter.quote(m, req.shape(), tier)).orElse(null);
    } else if (own.isPresent()) {
      q = withPollFee(q, own.get().pricing().pollFee());
    }
    if (q == null) q = zero(job);
    ModelChoice shown = own.map(m -> ModelChoice.direct(m, job.quote() == null
        ? Quoter.quote(m, req.shape(), tier) : withPollFee(job.quote(), m.pricing().pollFee())))
        .orElse(null);
    return new Priced(q, own.map(ModelInfo::pricing).orElse(null), shown);
  }

  /**
   * The client's own quote, except that with the tier unknown (quoted at the dearest tier for
   * the budget) the provider's applied price is taken when the catalog lists it for this job;
   * any other price stays a difference for reconciliation to show.
   */
  private static CostQuote expected(ModelChoice choice, VideoJob job, GenerationRequest req,
                                    String tier) {
    if (tier != null || job.quotedUnitPrice() == null
        || !job.model().equals(choice.model().id())) {
      return choice.quote();
    }
    return Quoter.requote(choice.quote(), choice.model(), req.shape(), job.quotedUnitPrice());
  }

  private static CostQuote withPollFee(CostQuote q, Amount pollFee) {
    return new CostQuote(q.model(), q.unit(), q.quantity(), q.unitPrice(), q.usage(),
        q.onCreate(), q.held(), q.flatFee(), pollFee, q.currency());
  }

  /** Neither a provider quote nor a catalog entry: only what the provider reports is known. */
  private static CostQuote zero(VideoJob job) {
    return new CostQuote(job.model(), null, java.math.BigDecimal.ZERO, Amount.ZERO, Amount.ZERO,
        Amount.ZERO, Amount.ZERO, Amount.ZERO, Amount.ZERO, job.currency());
  }
}
