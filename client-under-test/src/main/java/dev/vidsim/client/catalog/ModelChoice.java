package dev.vidsim.client.catalog;

import dev.vidsim.client.Amount;

/**
 * The model picked for a generation, and whether (and at what price difference) it is a fallback.
 *
 * @param preferred       the first model the caller asked for, or null when any would do
 * @param fellBack        true when the chosen model is not the preferred one
 * @param preferredQuote  the preferred model's quote for the same job, when it is in the catalog
 * @param reason          why the preferred model was not used, or null
 */
public record ModelChoice(ModelInfo model, CostQuote quote, String preferred, boolean fellBack,
                          CostQuote preferredQuote, String reason) {
  /** Chosen minus preferred total; null when there was no preference or it cannot be priced. */
  public Amount priceDifference() {
    return preferredQuote == null ? null : quote.total().minus(preferredQuote.total());
  }

  public static ModelChoice direct(ModelInfo model, CostQuote quote) {
    return new ModelChoice(model, quote, model.id(), false, quote, null);
  }
}
