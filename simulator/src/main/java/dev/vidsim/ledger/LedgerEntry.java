package dev.vidsim.ledger;

import dev.vidsim.money.Money;
import java.time.Instant;

/**
 * One append-only ledger line. Amounts are always positive; the type says which way money moves.
 *
 * @param rule what priced it, e.g. "8 second x 0.10" or "refund timeout"
 */
public record LedgerEntry(long seq, String tenant, EntryType type, Money amount, String jobId,
                          String idempotencyKey, String rule, Instant at) {
  public LedgerEntry {
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("ledger amounts are positive, got " + amount);
    }
  }

  /**
   * The hold this line opens or settles (null for topup, charge and refund). A job has at most
   * one hold and its id is made from the job's, so lines kept for ever do not each keep one.
   */
  public String holdId() {
    boolean holdLine = type == EntryType.HOLD || type == EntryType.CAPTURE
        || type == EntryType.RELEASE;
    return holdLine && jobId != null ? Ledger.holdIdOf(jobId) : null;
  }
}
