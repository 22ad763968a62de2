package dev.vidsim.client;

import dev.vidsim.jobs.JobView;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.client.webhook.WebhookInbox;
import dev.vidsim.client.webhook.WebhookReceiver;
import dev.vidsim.client.webhook.WebhookVerifier;
import dev.vidsim.jobs.JobView;
import dev.vidsim.http.Wire;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client with a webhook receiver against the simulator; deliveries signed as a provider's. */
class WebhookClientTest {
  static final String SECRET = WebhookTest.SECRET;
  private final SimFixture fx = SimFixture.defaultScenario();
  private final WebhookInbox inbox =
      new WebhookInbox(new WebhookVerifier(SECRET, Duration.ofMinutes(5), fx.clock));
  private final WebhookReceiver receiver;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Set<String> delivered = new HashSet<>();

  WebhookClientTest() throws IOException {
    receiver = WebhookReceiver.start(inbox, 0);
  }

  @AfterEach
  void close() {
    receiver.close();
    fx.close();
  }

  /** Sleeps on the simulator's clock, then delivers each newly finished job {@code copies}×. */
  private ClientClock delivering(int copies) {
    return ClientClock.of(fx.clock::now, d -> {
      fx.clock.sleep(d);
      List<JobView> done = fx.sim.call(e -> e.jobs().all().stream()
          .filter(j -> j.status().isTerminal())
          .toList());
      for (JobView j : done) {
        if (delivered.add(j.id())) {
          for (int i = 0; i < copies; i++) deliver(j);
        }
      }
    });
  }

  private void deliver(JobView job) {
    String body = "{\"id\":\"evt_" + job.id() + "\",\"object\":\"event\",\"type\":\"video."
        + (job.status().wireName().equals("succeeded") ? "completed"
            : job.status().wireName()) + "\",\"createdAt\":\""
        + fx.clock.now() + "\",\"data\":" + Wire.job(job) + "}";
    long ts = fx.clock.now().getEpochSecond();
    String id = "msg_" + job.id();
    try {
      http.send(HttpRequest.newBuilder(URI.create(receiver.url())).header("webhook-id", id)
          .header("webhook-timestamp", "" + ts)
          .header("webhook-signature", WebhookVerifier.sign(SECRET, id, ts, body))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private GenerationRequest request() {
    return GenerationRequest.builder("a heron").models("reel-1").webhookUrl(receiver.url())
        .build();
  }

  @Test
  void with_a_receiver_the_outcome_comes_by_webhook_and_no_poll_is_made() {
    VideoClient client = fx.client("sk-test-alice").clock(delivering(1)).webhookInbox(inbox)
        .build();

    GenerationResult r = client.generate(request());

    assertThat(r.status()).isEqualTo("succeeded");
    assertThat(r.source()).isEqualTo("webhook");
    assertThat(r.polls()).isZero();
    assertThat(client.requestLog().records("get")).isEmpty();
    assertThat(client.reconcile().isBalanced()).isTrue();
  }

  @Test
  void duplicated_deliveries_reach_the_application_once() {
    AtomicInteger handled = new AtomicInteger();
    inbox.addListener(e -> handled.incrementAndGet());
    VideoClient client = fx.client("sk-test-alice").clock(delivering(3)).webhookInbox(inbox)
        .build();

    client.generate(request());

    assertThat(handled).hasValue(1);
  }

  @Test
  void when_no_webhook_arrives_slow_fallback_polling_still_finishes_the_job() {
    VideoClient client = fx.client("sk-test-alice").webhookInbox(inbox).build();

    GenerationResult r = client.generate(request());

    assertThat(r.status()).isEqualTo("succeeded");
    assertThat(r.source()).isEqualTo("poll");
    assertThat(r.polls()).isEqualTo(1);
    RequestRecord poll = client.requestLog().records("get").get(0);
    RequestRecord create = client.requestLog().records("create").get(0);
    assertThat(Duration.between(create.at(), poll.at())).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void a_job_created_without_a_webhook_is_polled_at_the_normal_pace_despite_the_inbox() {
    VideoClient client = fx.client("sk-test-alice").webhookInbox(inbox).build();

    GenerationResult r = client.generate(GenerationRequest.builder("a heron").models("reel-1")
        .build());

    assertThat(r.status()).isEqualTo("succeeded");
    RequestRecord poll = client.requestLog().records("get").get(0);
    RequestRecord create = client.requestLog().records("create").get(0);
    assertThat(Duration.between(create.at(), poll.at()))
        .as("the standard policy's first interval, not the 2 min webhook fallback")
        .isEqualTo(Duration.ofSeconds(5));
  }
}
