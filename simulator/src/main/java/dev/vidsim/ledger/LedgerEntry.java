package dev.vidsim.ledger;

import dev.vidsim.money.Money;
import java.time.Instant;

/**
 * One append-only ledger line. Amounts are always positive; the type says which way money moves.
 *
 * @param holdId the hold this line opens or settles (null for topup/charge/refund)
 * @param rule   what priced it, e.g. "8 second x 0.10" or "refund timeout"
 */
public record LedgerEntry(long seq, String tenant, EntryType type, Money amount, String jobId,
                          String idempotencyKey, String holdId, String rule, Instant at) {
  public LedgerEntry {
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("ledger amounts are positive, got " + amount);
    }
  }
}
