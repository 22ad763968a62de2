package dev.vidsim.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.client.webhook.WebhookEvent;
import dev.vidsim.client.webhook.WebhookInbox;
import dev.vidsim.client.webhook.WebhookInbox.Outcome;
import dev.vidsim.client.webhook.WebhookReceiver;
import dev.vidsim.client.webhook.WebhookRejectedException;
import dev.vidsim.client.webhook.WebhookVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookTest {
  static final String SECRET = "whsec_c2VjcmV0LWtleS1mb3ItdGVzdHM=";
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
  private final WebhookVerifier verifier =
      new WebhookVerifier(SECRET, Duration.ofMinutes(5), clock);

  static String event(String eventId, String status, Instant at) {
    return "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"type\":\"video.completed\","
        + "\"createdAt\":\"" + at + "\",\"data\":" + StubJson.job("vid_1", status, "k") + "}";
  }

  private long ts() {
    return clock.now().getEpochSecond();
  }

  @Test
  void a_correctly_signed_delivery_verifies() {
    String body = event("evt_1", "succeeded", clock.now());
    String sig = WebhookVerifier.sign(SECRET, "msg_1", ts(), body);

    verifier.verify("msg_1", "" + ts(), sig, body);
  }

  @Test
  void a_tampered_body_a_wrong_secret_or_missing_headers_are_rejected() {
    String body = event("evt_1", "succeeded", clock.now());
    String sig = WebhookVerifier.sign(SECRET, "msg_1", ts(), body);
    String forged = WebhookVerifier.sign("whsec_b3RoZXI=", "msg_1", ts(), body);

    assertThatThrownBy(() -> verifier.verify("msg_1", "" + ts(), sig, body.replace("0.80", "0.01")))
        .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("no v1 signature");
    assertThatThrownBy(() -> verifier.verify("msg_1", "" + ts(), forged, body))
        .isInstanceOf(WebhookRejectedException.class);
    assertThatThrownBy(() -> verifier.verify("msg_2", "" + ts(), sig, body))
        .as("the id is signed too").isInstanceOf(WebhookRejectedException.class);
    assertThatThrownBy(() -> verifier.verify(null, "" + ts(), sig, body))
        .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("missing");
  }

  @Test
  void a_timestamp_outside_the_tolerance_is_rejected_even_with_a_valid_signature() {
    String body = event("evt_1", "succeeded", clock.now());
    long old = ts() - 301;
    long future = ts() + 301;

    assertThatThrownBy(() -> verifier.verify("m", "" + old,
        WebhookVerifier.sign(SECRET, "m", old, body), body))
        .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("tolerance");
    assertThatThrownBy(() -> verifier.verify("m", "" + future,
        WebhookVerifier.sign(SECRET, "m", future, body), body))
        .isInstanceOf(WebhookRejectedException.class);
  }

  @Test
  void any_one_of_several_space_separated_signatures_may_match() {
    String body = event("evt_1", "succeeded", clock.now());
    String good = WebhookVerifier.sign(SECRET, "m", ts(), body);
    String rotatedOut = WebhookVerifier.sign("whsec_b2xkLWtleQ==", "m", ts(), body);

    verifier.verify("m", "" + ts(), "v2,abc " + rotatedOut + " " + good, body);
  }

  @Test
  void a_duplicate_delivery_is_processed_once() {
    WebhookInbox inbox = new WebhookInbox(verifier);
    List<WebhookEvent> seen = new ArrayList<>();
    inbox.addListener(seen::add);
    String body = event("evt_1", "succeeded", clock.now());
    String sig = WebhookVerifier.sign(SECRET, "msg_1", ts(), body);

    var first = inbox.receive("msg_1", "" + ts(), sig, body);
    var again = inbox.receive("msg_1", "" + ts(), sig, body);

    assertThat(first.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(again.httpStatus()).as("acknowledged so the sender stops").isEqualTo(204);
    assertThat(seen).hasSize(1);
    assertThat(inbox.outcome("vid_1")).get().extracting(VideoJob::status).isEqualTo("succeeded");
  }

  @Test
  void an_event_older_than_the_known_state_is_ignored() {
    WebhookInbox inbox = new WebhookInbox(verifier);
    Instant t = clock.now();
    String done = event("evt_2", "succeeded", t);
    String earlier = event("evt_1", "in_progress", t.minusSeconds(30));
    inbox.receive("msg_2", "" + ts(), WebhookVerifier.sign(SECRET, "msg_2", ts(), done), done);

    var late = inbox.receive("msg_1", "" + ts(),
        WebhookVerifier.sign(SECRET, "msg_1", ts(), earlier), earlier);

    assertThat(late.outcome()).isEqualTo(Outcome.STALE);
    assertThat(inbox.processed()).hasSize(1);
    assertThat(inbox.outcome("vid_1")).get().extracting(VideoJob::status).isEqualTo("succeeded");
  }

  @Test
  void a_webhook_behind_a_poll_that_already_saw_the_end_is_stale() {
    WebhookInbox inbox = new WebhookInbox(verifier);
    String expired = StubJson.job("vid_1", "expired", "k");
    inbox.observe(VideoJob.fromJson(JsonSupport.parseOrEmpty(expired)));
    String body = event("evt_1", "succeeded", clock.now());

    var d = inbox.receive("m", "" + ts(), WebhookVerifier.sign(SECRET, "m", ts(), body), body);

    assertThat(d.outcome()).isEqualTo(Outcome.STALE);
  }

  @Test
  void the_receiver_answers_204_to_signed_deliveries_and_400_to_forged_ones() throws Exception {
    WebhookInbox inbox = new WebhookInbox(verifier);
    try (WebhookReceiver receiver = WebhookReceiver.start(inbox, 0)) {
      String body = event("evt_1", "succeeded", clock.now());
      HttpClient http = HttpClient.newHttpClient();
      String sig = WebhookVerifier.sign(SECRET, "msg_1", ts(), body);
      int ok = post(http, receiver.url(), "msg_1", sig, body);
      int forged = post(http, receiver.url(), "msg_2", "v1,AAAA", body);

      assertThat(ok).isEqualTo(204);
      assertThat(forged).isEqualTo(400);
      assertThat(inbox.processed()).hasSize(1);
    }
  }

  private int post(HttpClient http, String url, String id, String sig, String body)
      throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("webhook-id", id)
        .header("webhook-timestamp", "" + ts()).header("webhook-signature", sig)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void a_signed_but_malformed_event_is_rejected_not_thrown() {
    WebhookInbox inbox = new WebhookInbox(verifier);
    String body = "{\"id\":\"evt_1\",\"createdAt\":\"yesterday\",\"data\":{\"id\":\"vid_1\"}}";

    var d = inbox.receive("m", "" + ts(), WebhookVerifier.sign(SECRET, "m", ts(), body), body);

    assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(d.reason()).contains("malformed");
    assertThat(d.httpStatus()).isEqualTo(400);
  }
}
