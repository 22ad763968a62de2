package dev.vidsim.checker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * one_charge_per_idempotency_key: one Idempotency-Key (per tenant, until it expires) leads to at
 * most one job, and each job is charged its create charge, flat fee and hold at most once.
 */
final class OneChargePerIdempotencyKey implements Check {
  @Override
  public String name() {
    return "one_charge_per_idempotency_key";
  }

  @Override
  public String missing(Evidence e) {
    return e.ledger().isEmpty() && e.journal().isEmpty() ? "no ledger and no journal" : null;
  }

  @Override
  public void run(Evidence e, Sink sink) {
    Map<String, List<JobFacts>> byKey = new LinkedHashMap<>();
    for (JobFacts j : e.jobFacts().values()) {
      if (j.idempotencyKey() != null && j.tenant() != null) {
        byKey.computeIfAbsent(j.tenant() + "\u0000" + j.idempotencyKey(), k -> new ArrayList<>())
            .add(j);
      }
      onceEach(j, sink);
    }
    byKey.values().forEach(jobs -> {
      if (jobs.size() > 1 && !separatedByExpiry(e, jobs)) {
        List<LedgerLine> lines = new ArrayList<>();
        jobs.forEach(j -> lines.addAll(j.lines()));
        sink.violation("key " + jobs.get(0).idempotencyKey(), jobs.size() + " jobs "
            + jobs.stream().map(JobFacts::id).toList() + " for one Idempotency-Key of tenant "
            + jobs.get(0).tenant(), lines);
      }
    });
  }

  private static void onceEach(JobFacts j, Sink sink) {
    long creates = j.usageLines().stream().filter(l -> l.is("charge")).count();
    long fees = j.lines().stream().filter(LedgerLine::isFlatFee).count();
    long holds = j.linesOfType("hold").size();
    if (creates > 1 || fees > 1 || holds > 1) {
      sink.violation("job " + j.id(), "charged at create more than once: " + creates
          + " usage charges, " + fees + " flat fees, " + holds + " holds", j.lines());
    }
  }

  /** A key may be reused once it has expired: then each job must follow an expiry. */
  private static boolean separatedByExpiry(Evidence e, List<JobFacts> jobs) {
    if (jobs.stream().anyMatch(j -> j.created() == null)) return false;
    String tenant = jobs.get(0).tenant();
    String key = jobs.get(0).idempotencyKey();
    for (int i = 1; i < jobs.size(); i++) {
      long from = jobs.get(i - 1).created().seq();
      long to = jobs.get(i).created().seq();
      boolean expired = e.journal().stream().anyMatch(ev -> ev.is("idempotency_key_expired")
          && ev.seq() > from && ev.seq() < to && tenant.equals(ev.text("tenant"))
          && key.equals(ev.text("idempotencyKey")));
      if (!expired) return false;
    }
    return true;
  }
}
