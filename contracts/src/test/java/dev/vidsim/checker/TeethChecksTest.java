package dev.vidsim.checker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules added to give the TCK teeth: finality, one key, backoff shape. */
class TeethChecksTest {
  private static final String T = "sk-t";
  private static final ClientLimits LIMITS = ClientLimits.defaults()
      .withPollFloor(Duration.ofSeconds(2));

  private static Fixture started() {
    Fixture f = new Fixture().topup(T, "10.00");
    ObjectNode catalog = Fixture.f();
    catalog.putArray("data").addObject().put("id", "clip");
    f.request("GET", "/v1/models", T, null, null).response(200, catalog);
    return f.create(T, "k1", "vid_1", "clip", "0.35", "create");
  }

  private static Fixture poll(Fixture f, Duration after, String status) {
    return f.advance(after).request("GET", "/v1/videos/vid_1", T, null, null)
        .response(200, Fixture.f().put("id", "vid_1").put("status", status));
  }

  @Test
  void final_means_final_fails_for_a_poll_after_a_poll_answered_succeeded() {
    Fixture f = poll(started(), Duration.ofSeconds(5), "succeeded");
    assertThat(f.check(LIMITS).violationsOf("final_means_final")).isEmpty();
    poll(f, Duration.ofSeconds(30), "succeeded");
    assertThat(f.check(LIMITS).violationsOf("final_means_final")).first().asString()
        .contains("polled again").contains("a poll answered succeeded");
  }

  @Test
  void final_means_final_lets_a_running_job_be_polled_again() {
    Fixture f = poll(poll(started(), Duration.ofSeconds(5), "in_progress"),
        Duration.ofSeconds(5), "succeeded");
    assertThat(f.check(LIMITS).violationsOf("final_means_final")).isEmpty();
  }

  @Test
  void one_generation_one_key_fails_for_a_job_created_under_another_key() {
    Fixture f = started();
    f.create(T, "k1-retry-2", "vid_2", "clip", "0.35", "create");
    f.clientLog.generation("g1", T, "k1", List.of("vid_2"));
    assertThat(f.check(LIMITS).violationsOf("one_generation_one_key")).first().asString()
        .contains("created with key k1-retry-2").contains("generation's key is k1");
    Fixture known = started();
    known.create(T, "k1-retry-2", "vid_2", "clip", "0.35", "create");
    known.clientLog.generation(new ClientLog.Generation("g1", T, "k1", List.of("vid_2"),
        List.of("vid_2")));
    assertThat(known.check(LIMITS).violationsOf("one_generation_one_key"))
        .as("reported as a known duplicate").isEmpty();
  }

  /** Three creates, each failing once with a 500 and retried after the given wait. */
  private static Fixture retriedAfter(Duration... waits) {
    Fixture f = started();
    for (int i = 0; i < waits.length; i++) {
      String key = "k" + (i + 2);
      String body = "{\"model\":\"clip\",\"prompt\":\"cat " + i + "\"}";
      f.request("POST", "/v1/videos", T, key, body).error(500, "server_error");
      f.advance(waits[i]).request("POST", "/v1/videos", T, key, body)
          .error(402, "insufficient_balance");
    }
    return f;
  }

  @Test
  void retry_delays_spread_fails_for_lock_step_retries_and_passes_jittered_ones() {
    Duration s = Duration.ofSeconds(1);
    assertThat(retriedAfter(s, s, s).check(LIMITS).violationsOf("retry_delays_spread"))
        .first().asString().contains("all 3 retries number 1 waited exactly 1000 ms");
    assertThat(retriedAfter(s, s).check(LIMITS).violationsOf("retry_delays_spread"))
        .as("two samples prove nothing").isEmpty();
    assertThat(retriedAfter(s, Duration.ofMillis(412), s).check(LIMITS)
        .violationsOf("retry_delays_spread")).isEmpty();
  }

  @Test
  void backoff_within_bounds_fails_for_a_retry_sooner_than_the_promised_minimum() {
    Fixture f = retriedAfter(Duration.ofMillis(100));
    assertThat(f.check(LIMITS).violationsOf("backoff_within_bounds")).as("full jitter").isEmpty();
    assertThat(f.check(LIMITS.withBackoffMin(Duration.ofMillis(500)))
        .violationsOf("backoff_within_bounds")).first().asString()
        .contains("waited only 100 ms").contains("promises at least 500 ms");
  }

  @Test
  void backoff_within_bounds_fails_for_a_lookup_sooner_than_retry_after() {
    Fixture f = started();
    f.request("POST", "/v1/videos", T, "k2", "{}").rateLimited(5);
    f.advance(Duration.ofSeconds(2)).request("GET", "/v1/videos", T, null, null)
        .response(200, Fixture.f());
    f.advance(Duration.ofSeconds(3)).request("POST", "/v1/videos", T, "k2", "{}")
        .error(402, "insufficient_balance");
    assertThat(f.check(LIMITS).violationsOf("backoff_within_bounds")).first().asString()
        .contains("waited only 2000 ms").contains("Retry-After asked for 5000 ms");
  }

  private static final String CAT = "{\"model\":\"clip\",\"prompt\":\"cat\"}";

  /** One attempt of a create, {@code after} the last line: its request line's seq. */
  private static long attempt(Fixture f, Duration after, int retryAfterSeconds) {
    f.advance(after).request("POST", "/v1/videos", T, "k2", CAT);
    long seq = f.journal.size();
    if (retryAfterSeconds > 0) f.rateLimited(retryAfterSeconds);
    else f.error(503, "unavailable");
    return seq;
  }

  /**
   * Two threads of the app retry one create at once, each 1 s after its own failure: A at 0 and
   * 1.0 s, B at 0.2 and 1.3 s (B's first answer asks for 1 s). Told apart only by when each call
   * started, A's retry and B's attempts would look like one call retrying after 200 ms.
   *
   * @param b2 the call the log names as the sender of B's retry
   */
  private static Fixture twoThreads(boolean named, long b2) {
    Fixture f = started();
    long a = f.journal.size();
    f.clientLog.callStarted(a);
    long a1 = attempt(f, Duration.ZERO, 0);
    long b = f.journal.size();
    f.clientLog.callStarted(b);
    long b1 = attempt(f, Duration.ofMillis(200), 1);
    long a2 = attempt(f, Duration.ofMillis(800), 0);
    long b2Seq = attempt(f, Duration.ofMillis(300), 0);
    if (named) {
      f.clientLog.sentBy(a1, a).sentBy(a2, a).sentBy(b1, b).sentBy(b2Seq, b2 == 0 ? b : b2);
    }
    return f;
  }

  @Test
  void two_threads_retrying_at_once_are_judged_each_by_its_own_attempts() {
    ClientLimits limits = LIMITS.withBackoffMin(Duration.ofMillis(500));
    Report unnamed = twoThreads(false, 0).check(limits);
    assertThat(unnamed.violationsOf("backoff_within_bounds")).first().asString()
        .contains("waited only");
    assertThat(unnamed.violationsOf("waits_at_least_retry_after")).first().asString()
        .contains("Retry-After asked for 1000 ms");

    Report named = twoThreads(true, 0).check(limits);
    assertThat(named.violationsOf("backoff_within_bounds")).isEmpty();
    assertThat(named.violationsOf("waits_at_least_retry_after")).isEmpty();
    assertThat(named.violationsOf("retries_within_cap")).isEmpty();
  }

  @Test
  void a_request_no_call_can_be_named_for_is_judged_with_no_other() {
    ClientLimits limits = LIMITS.withBackoffMin(Duration.ofMillis(500));
    Report r = twoThreads(true, ClientLog.CALL_UNKNOWN).check(limits);
    assertThat(r.violationsOf("backoff_within_bounds")).isEmpty();
    assertThat(r.violationsOf("waits_at_least_retry_after")).isEmpty();
    // and a named call's own early retry is still caught
    Fixture f = started();
    long start = f.journal.size();
    f.clientLog.callStarted(start);
    long first = attempt(f, Duration.ZERO, 0);
    long second = attempt(f, Duration.ofMillis(100), 0);
    f.clientLog.sentBy(first, start).sentBy(second, start);
    assertThat(f.check(limits).violationsOf("backoff_within_bounds")).first().asString()
        .contains("waited only 100 ms");
  }

  @Test
  void authentic_webhooks_acted_on_fails_when_news_is_refused() {
    Fixture f = started().advance(Duration.ofSeconds(30)).state("vid_1", "queued", "succeeded");
    f.clientLog.generation("g1", T, "k1", List.of("vid_1"))
        .webhook(new ClientLog.WebhookHandling("wh_1", "vid_1", true, false, f.lastSeq()));
    assertThat(f.check(LIMITS).violationsOf("authentic_webhooks_acted_on")).singleElement()
        .asString().contains("webhook wh_1").contains("news to the client (job vid_1");
    // a poll answered after the delivery was handled does not make it stale
    poll(f, Duration.ofSeconds(5), "succeeded");
    assertThat(f.check(LIMITS).violationsOf("authentic_webhooks_acted_on")).hasSize(1);
  }

  @Test
  void authentic_webhooks_acted_on_lets_the_client_refuse_what_it_already_knew() {
    Fixture f = started().advance(Duration.ofSeconds(30)).state("vid_1", "queued", "succeeded");
    poll(f, Duration.ofSeconds(5), "succeeded"); // learnt from a poll first: the webhook is stale
    f.clientLog.generation("g1", T, "k1", List.of("vid_1"))
        .webhook(new ClientLog.WebhookHandling("wh_1", "vid_1", true, false, f.lastSeq()))
        .webhook("wh_2", "vid_9", true, false) // not one of the client's jobs
        .webhook("wh_3", "vid_1", false, false); // forged
    assertThat(f.check(LIMITS).violationsOf("authentic_webhooks_acted_on")).isEmpty();

    Fixture twice = started().advance(Duration.ofSeconds(30)).state("vid_1", "queued", "failed");
    twice.clientLog.generation("g1", T, "k1", List.of("vid_1"))
        .webhook("wh_1", "vid_1", true, true).webhook("wh_1", "vid_1", true, false);
    assertThat(twice.check(LIMITS).violationsOf("authentic_webhooks_acted_on")).isEmpty();
  }

  @Test
  void authentic_webhooks_acted_on_counts_a_poll_that_came_before_the_job_ended_for_nothing() {
    Fixture f = poll(started(), Duration.ofSeconds(5), "in_progress");
    f.advance(Duration.ofSeconds(30)).state("vid_1", "in_progress", "succeeded");
    f.clientLog.generation("g1", T, "k1", List.of("vid_1"))
        .webhook(new ClientLog.WebhookHandling("wh_1", "vid_1", true, false, f.lastSeq()));
    assertThat(f.check(LIMITS).violationsOf("authentic_webhooks_acted_on")).hasSize(1);
  }
}
