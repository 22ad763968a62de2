package dev.vidsim.jobs;

import dev.vidsim.ledger.EntryType;
import dev.vidsim.ledger.Ledger;
import dev.vidsim.ledger.LedgerEntry;
import dev.vidsim.money.Money;
import java.time.InstantSource;
import java.util.Collection;
import java.util.function.Supplier;

/** Turns a live job into the snapshot callers see, with what it has cost so far. */
public final class JobViews {
  private final Ledger ledger;
  private final InstantSource clock;
  private final String currency;
  /** Every job, in creation order: a queued job's position counts those queued ahead. */
  private final Supplier<Collection<Job>> all;

  public JobViews(Ledger ledger, InstantSource clock, String currency,
                  Supplier<Collection<Job>> all) {
    this.ledger = ledger;
    this.clock = clock;
    this.currency = currency;
    this.all = all;
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
            ? JobPages.queuedAhead(all.get(), j) : null);
  }
}
