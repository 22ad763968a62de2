package dev.vidsim.client.cost;

import dev.vidsim.client.Amount;
import dev.vidsim.client.VideoJob;
import dev.vidsim.client.catalog.CostQuote;
import dev.vidsim.client.catalog.PriceSheet;

/**
 * The client's belief about one job's cost: its quote, the polls it paid for and the last
 * status it saw. Immutable; the ledger replaces it as news arrives.
 *
 * @param pricing the model's price sheet, or null when the catalog no longer lists the model
 *                (a job resumed after its model was removed): then its failure policy is
 *                unknown and a failed job is believed to cost what the provider reports
 */
public record LedgerLine(String jobId, String idempotencyKey, CostQuote quote,
                         PriceSheet pricing, int paidPolls, VideoJob lastSeen) {
  public LedgerLine withPoll() {
    return new LedgerLine(jobId, idempotencyKey, quote, pricing, paidPolls + 1, lastSeen);
  }

  public LedgerLine withSeen(VideoJob job) {
    if (lastSeen != null && job.rank() < lastSeen.rank()) return this;
    return new LedgerLine(jobId, idempotencyKey, quote, pricing, paidPolls, job);
  }

  /**
   * What the provider should have charged by now, per its published rules: the request fee,
   * poll fees, and the usage part by status (create share while running, the full quote when
   * delivered, the failure policy's share when not).
   */
  public Amount expected() {
    Amount fixed = quote.flatFee().plus(new Amount(quote.pollFee().micros() * paidPolls));
    if (lastSeen == null || !lastSeen.isTerminal()) return fixed.plus(quote.onCreate());
    if (lastSeen.isSucceeded()) return fixed.plus(quote.usage());
    if (pricing == null) return lastSeen.charged();
    return fixed.plus(quote.usage().percent(pricing.failurePercent(lastSeen.failureKind())));
  }

  /** The most this job can still cost (for the session budget). */
  public Amount committed() {
    if (lastSeen != null && lastSeen.isTerminal()) return expected();
    return quote.total().plus(new Amount(quote.pollFee().micros() * paidPolls));
  }
}
