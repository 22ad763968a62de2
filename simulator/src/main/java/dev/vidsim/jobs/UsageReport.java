package dev.vidsim.jobs;

import dev.vidsim.ledger.Ledger;
import dev.vidsim.ledger.EntryType;
import dev.vidsim.ledger.LedgerEntry;
import dev.vidsim.money.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Folds a tenant's ledger into the usage report: totals, per model, per job. */
public final class UsageReport {
  private UsageReport() {}

  public static Usage of(Ledger ledger, java.util.Collection<Job> allJobs, String currency,
                 String tenant) {
    Map<String, Money> perJob = new LinkedHashMap<>();
    Money pollFees = Money.ZERO;
    Money flatFees = Money.ZERO;
    Money spent = Money.ZERO;
    for (LedgerEntry e : ledger.entries(tenant)) {
      Money signed = switch (e.type()) {
        case CHARGE, CAPTURE -> e.amount();
        case REFUND -> e.amount().negate();
        case TOPUP, HOLD, RELEASE -> Money.ZERO;
      };
      spent = spent.plus(signed);
      if ("poll fee".equals(e.rule())) pollFees = pollFees.plus(signed);
      if ("flat fee".equals(e.rule())) flatFees = flatFees.plus(signed);
      if (e.jobId() != null && e.type() != EntryType.TOPUP) {
        perJob.merge(e.jobId(), signed, Money::plus);
      }
    }
    Map<String, Usage.ModelUsage> perModel = new LinkedHashMap<>();
    List<Usage.JobUsage> jobs = new ArrayList<>();
    for (Job j : allJobs) {
      if (!j.tenant().equals(tenant)) continue;
      Money charged = perJob.getOrDefault(j.id(), Money.ZERO);
      jobs.add(new Usage.JobUsage(j.id(), j.model(), j.idempotencyKey(), j.status().wireName(),
          charged, j.route()));
      perModel.merge(j.model(), new Usage.ModelUsage(j.model(), j.quote().unit().wireName(), 1,
          charged), (a, b) -> new Usage.ModelUsage(a.model(), a.unit(), a.jobs() + 1,
          a.charged().plus(b.charged())));
    }
    return new Usage(currency, spent, pollFees, flatFees,
        List.copyOf(perModel.values()), jobs);
  }
}
