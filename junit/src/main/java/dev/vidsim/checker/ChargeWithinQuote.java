package dev.vidsim.checker;

import dev.vidsim.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * per_second_charge_within_quote: what a job takes at create is its quoted usage (and flat fee);
 * what it finally costs is never negative and never above the quote; a delivered job costs at
 * least the model's minimum; and for per-second pricing the quote bills the requested seconds
 * rounded up to the increment, at least the minimum seconds, times the unit price (plus an
 * aggregator's markup on that, rounded up to a whole micro-unit).
 */
final class ChargeWithinQuote implements Check {
  private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);

  @Override
  public String name() {
    return "per_second_charge_within_quote";
  }

  @Override
  public String missing(Evidence e) {
    return e.jobs().isEmpty() ? "no job snapshots (quotes)" : null;
  }

  @Override
  public void run(Evidence e, Sink sink) {
    for (JobFacts j : e.jobFacts().values()) {
      JobSnapshot.QuoteFacts q = j.quote();
      if (q == null || j.lines().isEmpty()) continue;
      String subject = "job " + j.id();
      if (!j.usageAtCreate().equals(q.usage())) {
        sink.violation(subject, "took " + j.usageAtCreate() + " at create (charge + hold) but "
            + "quoted usage " + q.usage(), j.lines());
      }
      Money net = j.netUsage();
      if (net.micros() < 0 || net.compareTo(q.usage()) > 0) {
        sink.violation(subject, "costs " + net + ", outside 0.." + q.usage() + " (its quote)",
            j.lines());
      }
      j.lines().stream().filter(LedgerLine::isFlatFee)
          .filter(l -> !l.amount().equals(q.flatFee())).findFirst()
          .ifPresent(l -> sink.violation(subject, "flat fee " + l.amount() + " differs from the"
              + " quoted " + q.flatFee(), j.lines()));
      ModelPolicy p = j.model() == null ? null : e.policies().get(j.model());
      if (p == null) continue;
      if (j.isDelivered() && net.compareTo(p.minimum()) < 0) {
        sink.violation(subject, "delivered for " + net + ", below the model's minimum "
            + p.minimum(), j.lines());
      }
      if ("second".equals(q.unit()) && j.snapshot().seconds() != null) {
        checkPerSecond(j, q, p, sink);
      }
    }
  }

  private static void checkPerSecond(JobFacts j, JobSnapshot.QuoteFacts q, ModelPolicy p,
                                     Sink sink) {
    BigDecimal seconds = j.snapshot().seconds();
    BigDecimal steps = seconds.divide(p.incrementSeconds(), 0, RoundingMode.CEILING);
    BigDecimal billed = steps.multiply(p.incrementSeconds()).max(p.minimumSeconds());
    if (billed.compareTo(q.quantity()) != 0) {
      sink.violation("job " + j.id(), "bills " + q.quantity().toPlainString() + " s for "
          + seconds.toPlainString() + " s requested; expected " + billed.toPlainString()
          + " (ceil to " + p.incrementSeconds().toPlainString() + " s, at least "
          + p.minimumSeconds().toPlainString() + " s)", j.lines());
      return;
    }
    BigDecimal raw = q.unitPrice().toUnits().multiply(billed)
        .divide(BigDecimal.valueOf(q.per()), 12, RoundingMode.CEILING);
    Money upstream = Money.max(p.minimum(),
        new Money(raw.multiply(MICROS).setScale(0, RoundingMode.CEILING).longValueExact()));
    BigDecimal factor = BigDecimal.ONE.add(q.markupPercent().movePointLeft(2));
    Money usage = new Money(upstream.toUnits().multiply(factor).multiply(MICROS)
        .setScale(0, RoundingMode.CEILING).longValueExact());
    if (!usage.equals(q.usage())) {
      String markup = q.markupPercent().signum() == 0 ? ""
          : " + " + q.markupPercent().toPlainString() + "%";
      sink.violation("job " + j.id(), "quoted " + q.usage() + " for " + billed.toPlainString()
          + " s x " + q.unitPrice() + markup + "; expected " + usage, j.lines());
    }
  }
}
