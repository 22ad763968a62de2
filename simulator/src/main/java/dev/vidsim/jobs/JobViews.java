package dev.vidsim.jobs;

import dev.vidsim.ledger.EntryType;
import dev.vidsim.ledger.Ledger;
import dev.vidsim.ledger.LedgerEntry;
import dev.vidsim.money.Money;
import java.time.InstantSource;

/** Turns a live job into the snapshot callers see, with what it has cost so far. */
public final class JobViews {
  private final Ledger ledger;
  private final InstantSource clock;
  private final String currency;
  /** A queued job's position counts its tenant's jobs queued ahead of it. */
  private final JobStore store;

  public JobViews(Ledger ledger, InstantSource clock, String currency, JobStore store) {
    this.ledger = ledger;
    this.clock = clock;
    this.currency = currency;
    this.store = store;
  }

  public JobView of(Job j) {
    Money charged = Money.ZERO;
    for (LedgerEntry e : ledger.entriesForJob(j.tenant(), j.id())) {
      if (e.type() == EntryType.CHARGE
          || e.type() == EntryType.CAPTURE) charged = charged.plus(e.amount());
      if (e.type() == EntryType.REFUND) charged = charged.minus(e.amount());
    }
    return new JobView(j.id(), j.model(), j.spec().mode(), j.status(),
        j.progress(clock.instant()), j.prompt(), j.spec().seconds(), j.spec().resolution(),
        j.region(), j.createdAt(), j.completedAt(), j.expiresAt(), j.quote(),
        j.pricing().billOn().wireName(), charged, currency, j.idempotencyKey(), j.failure(),
        j.errorMessage(), j.dialect(), j.attributes(), j.webhookAbandonedAfter(),
        j.startedAt(), j.route(), j.status() == JobStatus.QUEUED
            ? store.queuedAhead(j) : null);
  }
}
