package dev.vidsim.checker;

import dev.vidsim.money.Money;
import dev.vidsim.pricing.Settlement;

/**
 * failure_policy_applied: a job that failed, timed out or was cancelled costs exactly what its
 * model's policy for that kind says (refund: nothing, keep: the quoted usage, partial:N: N % of
 * it, rounded down), whatever was charged or held at create; the flat fee stays.
 */
final class FailurePolicyApplied implements Check {
  @Override
  public String name() {
    return "failure_policy_applied";
  }

  @Override
  public String missing(Evidence e) {
    return e.ledger().isEmpty() ? "no ledger" : null;
  }

  @Override
  public void run(Evidence e, Sink sink) {
    for (JobFacts j : e.jobFacts().values()) {
      if (!j.statusKnown() || !j.isFailed() || j.lines().isEmpty()) continue;
      String kind = kind(j);
      Settlement s = declared(e, j, kind);
      if (s == null) continue;
      Money usage = j.quote() != null ? j.quote().usage() : j.usageAtCreate();
      Money expected = new Money(usage.micros() * s.percent() / 100);
      Money actual = j.netUsage();
      if (!actual.equals(expected)) {
        sink.violation("job " + j.id(), "ended " + j.status() + " (" + kind + ", policy " + s
            + " of usage " + usage + ") so it should cost " + expected + " but costs " + actual,
            j.lines());
      }
    }
  }

  private static String kind(JobFacts j) {
    return switch (j.status()) {
      case "timed_out" -> "timeout";
      case "cancelled" -> "cancel";
      default -> j.snapshot() != null && "contentFilter".equals(j.snapshot().errorCode())
          ? "contentFilter" : settledKind(j);
    };
  }

  /** Without a snapshot, the settling line's rule names the kind ("contentFilter refund"). */
  private static String settledKind(JobFacts j) {
    for (LedgerLine l : j.usageLines()) {
      if (l.rule() != null && l.rule().startsWith("contentFilter ")) return "contentFilter";
    }
    return "error";
  }

  /** The model's declared policy; without one, the policy the settling line names. */
  private static Settlement declared(Evidence e, JobFacts j, String kind) {
    ModelPolicy p = j.model() == null ? null : e.policies().get(j.model());
    if (p != null) return p.settlementFor(kind);
    for (LedgerLine l : j.usageLines()) {
      if (l.rule() != null && l.rule().startsWith(kind + " ")) {
        try {
          return Settlement.parse(l.rule().substring(kind.length() + 1));
        } catch (IllegalArgumentException notAPolicy) {
          return null;
        }
      }
    }
    return null;
  }
}
