package dev.vidsim.checker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.money.Money;
import dev.vidsim.pricing.Settlement;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerChecksTest {
  private static final String T = "sk-t";

  /** A delivered job, held 0.35 and captured: every ledger check holds. */
  private static Fixture delivered() {
    Fixture f = new Fixture().topup(T, "10.00").create(T, "k1", "vid_1", "clip", "0.35",
        "delivery");
    f.advance(Duration.ofSeconds(3)).state("vid_1", "queued", "in_progress");
    f.advance(Duration.ofSeconds(30)).state("vid_1", "in_progress", "succeeded")
        .ledger(T, "capture", "0.35", "vid_1", "k1", "1 video on delivery");
    return f.snapshot("vid_1", "clip", "succeeded", "0.35", "delivery", "k1", null);
  }

  @Test
  void a_delivered_job_with_its_hold_captured_satisfies_every_ledger_check() {
    Report r = delivered().check();
    assertThat(r.isOk()).as(r.summary()).isTrue();
    assertThat(r.checksRun()).contains("ledger_conservation", "holds_settle_exactly_once",
        "one_charge_per_idempotency_key", "failure_policy_applied",
        "per_second_charge_within_quote", "only_legal_transitions");
  }

  @Test
  void ledger_conservation_fails_when_a_capture_exceeds_what_is_held() {
    Fixture f = delivered().ledger(T, "capture", "0.10", "vid_1", "k1", "extra");
    Report r = f.check();
    assertThat(r.violationsOf("ledger_conservation")).first().asString()
        .contains("open holds went negative", "capture 0.10");
  }

  @Test
  void ledger_conservation_fails_when_money_is_taken_that_was_not_available() {
    Fixture f = new Fixture().topup(T, "0.20").create(T, "k1", "vid_1", "clip", "0.35",
        "create");
    assertThat(f.check().violationsOf("ledger_conservation")).first().asString()
        .contains("took money that was not available", "-0.15");
  }

  @Test
  void ledger_conservation_fails_when_the_reported_balance_differs_from_the_lines() {
    Report r = InvariantChecker.standard().check(delivered().builder()
        .reportedBalance(new ReportedBalance(T, Money.parse("9.75"), Money.ZERO,
            Money.parse("9.75"))).build());
    assertThat(r.violationsOf("ledger_conservation")).first().asString()
        .contains("reports balance 9.75", "add up to balance 9.65");
  }

  @Test
  void ledger_conservation_fails_when_a_ledger_line_was_never_journaled() {
    Fixture f = delivered();
    f.ledger.add(new LedgerLine(99, T, "charge", Money.parse("0.05"), "vid_1", "k1", null,
        "poll fee", f.now));
    assertThat(f.check().violationsOf("ledger_conservation")).first().asString()
        .contains("never journaled", "#99 charge 0.05");
  }

  @Test
  void holds_settle_exactly_once_fails_when_a_hold_is_released_after_its_capture() {
    Fixture f = delivered().ledger(T, "release", "0.35", "vid_1", "k1", "again");
    assertThat(f.check().violationsOf("holds_settle_exactly_once")).first().asString()
        .contains("job vid_1 (hold_vid_1)", "capture + release = 0.70 but the hold was 0.35");
  }

  @Test
  void holds_settle_exactly_once_fails_when_a_finished_job_keeps_its_hold_open() {
    Fixture f = new Fixture().topup(T, "10.00").create(T, "k1", "vid_1", "clip", "0.35",
        "delivery");
    f.state("vid_1", "queued", "in_progress").state("vid_1", "in_progress", "failed")
        .snapshot("vid_1", "clip", "failed", "0.35", "delivery", "k1", "error");
    assertThat(f.check().violationsOf("holds_settle_exactly_once")).first().asString()
        .contains("job is failed but its hold is still open");
  }

  @Test
  void holds_settle_exactly_once_fails_when_a_hold_is_settled_twice() {
    Fixture f = delivered().ledger(T, "capture", "0.01", "vid_1", "k1", "twice");
    assertThat(f.check().violationsOf("holds_settle_exactly_once")).first().asString()
        .contains("settled more than once: 2 captures");
  }

  @Test
  void one_charge_per_idempotency_key_fails_when_one_key_makes_two_jobs() {
    Fixture f = new Fixture().topup(T, "10.00")
        .create(T, "k1", "vid_1", "clip", "0.35", "create")
        .create(T, "k1", "vid_2", "clip", "0.35", "create");
    assertThat(f.check().violationsOf("one_charge_per_idempotency_key")).first().asString()
        .contains("2 jobs [vid_1, vid_2] for one Idempotency-Key", "#2 charge 0.35",
            "#3 charge 0.35");
  }

  @Test
  void one_charge_per_idempotency_key_allows_a_key_reused_after_it_expired() {
    Fixture f = new Fixture().topup(T, "10.00")
        .create(T, "k1", "vid_1", "clip", "0.35", "create");
    f.advance(Duration.ofHours(25)).line("idempotency_key_expired",
        Fixture.f().put("tenant", T).put("idempotencyKey", "k1"));
    f.create(T, "k1", "vid_2", "clip", "0.35", "create");
    assertThat(f.check().violationsOf("one_charge_per_idempotency_key")).isEmpty();
  }

  @Test
  void one_charge_per_idempotency_key_fails_when_a_job_is_charged_at_create_twice() {
    Fixture f = new Fixture().topup(T, "10.00")
        .create(T, "k1", "vid_1", "clip", "0.35", "create")
        .ledger(T, "charge", "0.35", "vid_1", "k1", "1 video on create");
    assertThat(f.check().violationsOf("one_charge_per_idempotency_key")).first().asString()
        .contains("job vid_1", "2 usage charges");
  }

  private static Fixture failed(String settleType, String amount, String rule) {
    Fixture f = new Fixture().topup(T, "10.00").create(T, "k1", "vid_1", "task", "0.50",
        "create");
    f.state("vid_1", "queued", "in_progress").advance(Duration.ofMinutes(10))
        .state("vid_1", "in_progress", "timed_out");
    if (settleType != null) f.ledger(T, settleType, amount, "vid_1", "k1", rule);
    f.snapshot("vid_1", "task", "timed_out", "0.50", "create", "k1", "timeout");
    f.policies.add(new ModelPolicy("task", "task", BigDecimal.ONE, BigDecimal.ZERO,
        Money.ZERO, Money.ZERO, Map.of("timeout", Settlement.KEEP)));
    return f;
  }

  @Test
  void failure_policy_applied_holds_when_a_kept_timeout_keeps_the_charge() {
    Report r = failed(null, null, null).check();
    assertThat(r.violationsOf("failure_policy_applied")).isEmpty();
    assertThat(r.checksRun()).contains("failure_policy_applied");
  }

  @Test
  void failure_policy_applied_fails_when_a_keep_policy_is_refunded() {
    Report r = failed("refund", "0.50", "timeout refund").check();
    assertThat(r.violationsOf("failure_policy_applied")).first().asString()
        .contains("ended timed_out (timeout, policy keep of usage 0.50) so it should cost 0.50"
            + " but costs 0.00", "refund 0.50");
  }

  @Test
  void failure_policy_applied_reads_the_policy_from_the_settling_line_without_a_scenario() {
    Fixture f = new Fixture().topup(T, "10.00").create(T, "k1", "vid_1", "fusion", "1.00",
        "create");
    f.state("vid_1", "queued", "cancelled")
        .ledger(T, "refund", "0.50", "vid_1", "k1", "cancel partial:20")
        .snapshot("vid_1", "fusion", "cancelled", "1.00", "create", "k1", "cancel");
    assertThat(f.check().violationsOf("failure_policy_applied")).first().asString()
        .contains("policy partial:20 of usage 1.00) so it should cost 0.20 but costs 0.50");
  }

  @Test
  void charge_within_quote_fails_when_a_job_costs_more_than_its_quote() {
    Fixture f = delivered().ledger(T, "charge", "0.10", "vid_1", "k1", "surprise");
    assertThat(f.check().violationsOf("per_second_charge_within_quote")).extracting(
        Violation::message).anyMatch(m -> m.contains("costs 0.45, outside 0..0.35"));
  }

  @Test
  void per_second_charge_within_quote_fails_when_seconds_are_not_rounded_up() {
    Money price = Money.parse("0.10");
    var q = new JobSnapshot.QuoteFacts("second", new BigDecimal("6.2"), price, 1,
        Money.parse("0.62"), Money.ZERO, "create", Money.parse("0.62"), Money.ZERO);
    Fixture f = new Fixture().topup(T, "10.00").create(T, "k1", "vid_1", "reel", "0.62",
        "create");
    f.snapshot(new JobSnapshot("vid_1", "reel", "text-to-video", "queued",
        new BigDecimal("6.2"), "720p", f.now, q, "k1", null));
    f.policies.add(new ModelPolicy("reel", "second", BigDecimal.ONE, new BigDecimal("4"),
        Money.ZERO, Money.ZERO, Map.of()));
    assertThat(f.check().violationsOf("per_second_charge_within_quote")).first().asString()
        .contains("bills 6.2 s for 6.2 s requested; expected 7 (ceil to 1 s, at least 4 s)");
  }

  @Test
  void per_second_charge_within_quote_holds_for_a_minimum_billed_short_video() {
    Money price = Money.parse("0.10");
    var q = new JobSnapshot.QuoteFacts("second", new BigDecimal("4"), price, 1,
        Money.parse("0.40"), Money.ZERO, "create", Money.parse("0.40"), Money.ZERO);
    Fixture f = new Fixture().topup(T, "10.00").create(T, "k1", "vid_1", "reel", "0.40",
        "create");
    f.snapshot(new JobSnapshot("vid_1", "reel", "text-to-video", "queued",
        new BigDecimal("1.5"), "720p", f.now, q, "k1", null));
    f.policies.add(new ModelPolicy("reel", "second", BigDecimal.ONE, new BigDecimal("4"),
        Money.ZERO, Money.ZERO, Map.of()));
    assertThat(f.check().violationsOf("per_second_charge_within_quote")).isEmpty();
  }

  @Test
  void per_second_charge_within_quote_adds_an_aggregators_markup_and_catches_a_missing_one() {
    assertThat(markedUpQuote("3.376").violationsOf("per_second_charge_within_quote")).isEmpty();
    assertThat(markedUpQuote("3.20").violationsOf("per_second_charge_within_quote")).first()
        .asString().contains("quoted 3.20 for 8 s x 0.40 + 5.5%; expected 3.376");
  }

  /** 8 s of veo at 0.40 through an aggregator with a 5.5% markup, quoted {@code usage}. */
  private static Report markedUpQuote(String usage) {
    var q = new JobSnapshot.QuoteFacts("second", new BigDecimal("8"), Money.parse("0.40"), 1,
        Money.parse(usage), Money.ZERO, "create", Money.parse(usage), Money.ZERO,
        new BigDecimal("5.5"));
    Fixture f = new Fixture().topup(T, "10.00").create(T, "k1", "gen_1", "veo", usage,
        "create");
    f.snapshot(new JobSnapshot("gen_1", "veo", "text-to-video", "queued", new BigDecimal("8"),
        "720p", f.now, q, "k1", null));
    f.policies.add(new ModelPolicy("veo", "second", BigDecimal.ONE, BigDecimal.ONE,
        Money.ZERO, Money.ZERO, Map.of()));
    return f.check();
  }
}
