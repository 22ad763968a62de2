package dev.vidsim.checker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.money.Money;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientChecksTest {
  private static final String T = "sk-t";
  private static final String CAT = "{\"model\":\"clip\",\"prompt\":\"cat\"}";
  private static final ClientLimits LIMITS = ClientLimits.defaults().withAttemptsMax(3)
      .withBackoffCap(Duration.ofSeconds(10)).withPollFloor(Duration.ofSeconds(2))
      .withPollsPerJobMax(4).withDeadline(Duration.ofMinutes(10), Duration.ofMinutes(1));

  /** A catalog read listing clip, then an accepted create: a careful client's start. */
  private static Fixture started() {
    Fixture f = new Fixture().topup(T, "10.00");
    ObjectNode catalog = Fixture.f();
    catalog.putArray("data").addObject().put("id", "clip");
    f.request("GET", "/v1/models", T, null, null).response(200, catalog);
    return f.create(T, "k1", "vid_1", "clip", "0.35", "create");
  }

  private static Fixture polls(Fixture f, Duration... gaps) {
    for (Duration gap : gaps) {
      f.advance(gap).request("GET", "/v1/videos/vid_1", T, null, null)
          .response(200, Fixture.f().put("id", "vid_1").put("status", "queued"));
    }
    return f;
  }

  @Test
  void client_checks_are_skipped_without_promised_limits_and_run_with_them() {
    Report without = started().check();
    assertThat(without.checksSkipped()).containsKey("polling_bounded");
    Report with = started().check(LIMITS);
    assertThat(with.isOk()).as(with.summary()).isTrue();
    assertThat(with.checksRun()).contains("polling_bounded", "retries_within_cap",
        "models_from_live_catalog", "creates_use_idempotency_key");
  }

  @Test
  void creates_use_idempotency_key_fails_for_a_create_without_one() {
    Fixture f = started();
    f.request("POST", "/v1/videos", T, null, CAT).error(402, "insufficient_balance");
    assertThat(f.check(LIMITS).violationsOf("creates_use_idempotency_key")).first().asString()
        .contains("created without an Idempotency-Key");
  }

  private static Fixture throttled(Duration wait) {
    Fixture f = started();
    f.request("POST", "/v1/videos", T, "k2", CAT).rateLimited(5);
    f.advance(wait).request("POST", "/v1/videos", T, "k2", CAT).error(402, "insufficient_balance");
    return f;
  }

  @Test
  void waits_at_least_retry_after_holds_when_the_client_waits_as_asked() {
    assertThat(throttled(Duration.ofSeconds(5)).check(LIMITS)
        .violationsOf("waits_at_least_retry_after")).isEmpty();
  }

  @Test
  void waits_at_least_retry_after_fails_when_the_client_retries_early() {
    assertThat(throttled(Duration.ofSeconds(1)).check(LIMITS)
        .violationsOf("waits_at_least_retry_after")).first().asString()
        .contains("retried POST /v1/videos after 1000 ms but Retry-After asked for 5000 ms");
  }

  @Test
  void retry_after_as_an_http_date_is_read_relative_to_the_response() {
    Duration d = RetryAfter.parse("Thu, 01 Jan 2026 00:00:30 GMT",
        java.time.Instant.parse("2026-01-01T00:00:10Z"));
    assertThat(d).isEqualTo(Duration.ofSeconds(20));
  }

  private static Fixture failingAttempts(Duration... gaps) {
    Fixture f = started();
    f.request("POST", "/v1/videos", T, "k2", CAT).error(503, "unavailable");
    for (Duration gap : gaps) {
      f.advance(gap).request("POST", "/v1/videos", T, "k2", CAT).error(503, "unavailable");
    }
    return f;
  }

  @Test
  void retries_within_cap_fails_on_a_fourth_attempt_when_three_are_promised() {
    Fixture f = failingAttempts(Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(4));
    assertThat(f.check(LIMITS).violationsOf("retries_within_cap")).first().asString()
        .contains("key=k2 was attempted 4 times; the client promises at most 3");
    assertThat(failingAttempts(Duration.ofSeconds(1), Duration.ofSeconds(2)).check(LIMITS)
        .violationsOf("retries_within_cap")).isEmpty();
  }

  @Test
  void backoff_within_bounds_fails_when_a_wait_exceeds_the_cap() {
    Fixture f = failingAttempts(Duration.ofSeconds(8), Duration.ofSeconds(16));
    assertThat(f.check(LIMITS).violationsOf("backoff_within_bounds")).first().asString()
        .contains("waited 16000 ms after attempt 2 of POST", "allows 10000 ms");
  }

  @Test
  void no_retry_of_non_retryable_errors_fails_when_a_402_is_sent_again() {
    Fixture f = started();
    f.request("POST", "/v1/videos", T, "k2", CAT).error(402, "insufficient_balance");
    f.advance(Duration.ofSeconds(1)).request("POST", "/v1/videos", T, "k2", CAT)
        .error(402, "insufficient_balance");
    assertThat(f.check(LIMITS).violationsOf("no_retry_of_non_retryable_errors")).first()
        .asString().contains("sent the same create again after it was answered 402");
  }

  @Test
  void polling_bounded_fails_when_polls_come_faster_than_the_floor() {
    Fixture f = polls(started(), Duration.ofSeconds(2), Duration.ofMillis(500));
    assertThat(f.check(LIMITS).violationsOf("polling_bounded")).first().asString()
        .contains("job vid_1: polled twice 500 ms apart; the floor is 2000 ms");
  }

  @Test
  void polling_bounded_allows_an_immediate_poll_after_a_client_restart() {
    Fixture f = polls(started(), Duration.ofSeconds(2));
    f.clientLog.restarted(f.now);
    polls(f, Duration.ZERO);
    assertThat(f.check(LIMITS).violationsOf("polling_bounded")).isEmpty();
  }

  @Test
  void polling_bounded_fails_when_a_job_is_polled_more_than_promised() {
    Duration s = Duration.ofSeconds(3);
    Fixture f = polls(started(), s, s, s, s, s);
    assertThat(f.check(LIMITS).violationsOf("polling_bounded")).first().asString()
        .contains("polled 5 times; the client promises at most 4");
  }

  @Test
  void stuck_jobs_flagged_or_cancelled_fails_when_the_client_polls_past_its_deadline() {
    Fixture f = polls(started(), Duration.ofMinutes(5), Duration.ofMinutes(7),
        Duration.ofMinutes(1));
    assertThat(f.check(LIMITS).violationsOf("stuck_jobs_flagged_or_cancelled")).first()
        .asString().contains("job vid_1: was still queued 13 min after it was created");
  }

  @Test
  void stuck_jobs_flagged_or_cancelled_ignores_single_polls_in_separate_calls() {
    Fixture f = polls(started(), Duration.ofMinutes(12));
    f.clientLog.callStarted(f.journal.size());
    polls(f, Duration.ofMinutes(1));
    assertThat(f.check(LIMITS).violationsOf("stuck_jobs_flagged_or_cancelled")).isEmpty();
  }

  @Test
  void a_new_client_call_starts_a_new_attempt_chain_and_poll_floor() {
    Fixture f = failingAttempts(Duration.ofSeconds(1), Duration.ofSeconds(2));
    f.clientLog.callStarted(f.journal.size());
    f.request("POST", "/v1/videos", T, "k2", CAT).error(503, "unavailable");
    polls(f, Duration.ofSeconds(2));
    f.clientLog.callStarted(f.journal.size());
    polls(f, Duration.ZERO);
    Report r = f.check(LIMITS);
    assertThat(r.violationsOf("retries_within_cap")).isEmpty();
    assertThat(r.violationsOf("polling_bounded")).isEmpty();
  }

  @Test
  void stuck_jobs_flagged_or_cancelled_holds_when_the_client_cancels_or_flags() {
    Fixture cancelled = polls(started(), Duration.ofMinutes(5), Duration.ofMinutes(7));
    cancelled.request("POST", "/v1/videos/vid_1/cancel", T, null, null).error(409, "x");
    polls(cancelled, Duration.ofMinutes(1));
    assertThat(cancelled.check(LIMITS).violationsOf("stuck_jobs_flagged_or_cancelled"))
        .isEmpty();
    Fixture flagged = polls(started(), Duration.ofMinutes(5), Duration.ofMinutes(7));
    flagged.clientLog.flagged("vid_1");
    flagged.clientLog.callStarted(flagged.journal.size());
    polls(flagged, Duration.ofMinutes(1));
    assertThat(flagged.check(LIMITS).violationsOf("stuck_jobs_flagged_or_cancelled"))
        .isEmpty();
  }

  @Test
  void models_from_live_catalog_fails_when_the_client_never_reads_the_catalog() {
    Fixture f = new Fixture().topup(T, "10.00").create(T, "k1", "vid_1", "clip", "0.35",
        "create");
    assertThat(f.check(LIMITS).violationsOf("models_from_live_catalog")).first().asString()
        .contains("created with model 'clip' without ever reading the catalog");
  }

  @Test
  void models_from_live_catalog_fails_when_a_removed_model_is_used_again() {
    Fixture f = started();
    f.request("POST", "/v1/videos", T, "k2", CAT).error(404, "model_not_found");
    f.request("POST", "/v1/videos", T, "k3", CAT).error(404, "model_not_found");
    assertThat(f.check(LIMITS).violationsOf("models_from_live_catalog")).first().asString()
        .contains("created with model 'clip', which the catalog read at");
  }

  @Test
  void webhook_checks_fail_for_a_duplicate_acted_on_twice_and_a_forgery_acted_on() {
    Fixture f = started();
    f.clientLog.webhook("wh_1", "vid_1", true, true).webhook("wh_1", "vid_1", true, true)
        .webhook("wh_2", "vid_1", false, true).webhook("wh_3", "vid_1", true, false);
    Report r = f.check(LIMITS);
    assertThat(r.violationsOf("webhook_duplicates_processed_once")).singleElement().asString()
        .contains("webhook wh_1: processed 2 times");
    assertThat(r.violationsOf("forged_or_stale_webhooks_rejected")).singleElement().asString()
        .contains("webhook wh_2: was forged or stale");
  }

  @Test
  void client_cost_reconciles_with_ledger_fails_when_the_client_trusts_its_quote() {
    Fixture f = started();
    f.state("vid_1", "queued", "failed").ledger(T, "refund", "0.35", "vid_1", "k1",
        "error refund").snapshot("vid_1", "clip", "failed", "0.35", "create", "k1", "error");
    f.clientLog.believedSpent(T, Money.parse("0.35"));
    assertThat(f.check(LIMITS).violationsOf("client_cost_reconciles_with_ledger")).first()
        .asString().contains("believes it spent 0.35 but the ledger says 0.00");
    f.clientLog.believedSpent(T, Money.ZERO);
    assertThat(f.check(LIMITS).violationsOf("client_cost_reconciles_with_ledger")).isEmpty();
  }

  @Test
  void journal_difference_names_the_first_differing_line() {
    assertThat(InvariantChecker.journalDifference(List.of("a", "b"), List.of("a", "b")))
        .isNull();
    assertThat(InvariantChecker.journalDifference(List.of("a", "b"), List.of("a", "c")))
        .contains("line 2 differs");
    assertThat(InvariantChecker.journalDifference(List.of("a"), List.of("a", "c")))
        .contains("1 lines, the second 2");
  }
}
