package dev.vidsim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.client.webhook.WebhookInbox;
import dev.vidsim.client.webhook.WebhookReceiver;
import dev.vidsim.client.webhook.WebhookVerifier;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhooks delivered by the simulator itself, signed with the secret from /v1/webhooks/secret. */
class SimulatorWebhookTest {
  private final SimFixture fx = SimFixture.defaultScenario();
  private WebhookReceiver receiver;

  @AfterEach
  void close() {
    if (receiver != null) receiver.close();
    fx.close();
  }

  private WebhookInbox inbox(String secret) throws IOException {
    WebhookInbox inbox = new WebhookInbox(new WebhookVerifier(secret, Duration.ofMinutes(5),
        fx.clock));
    receiver = WebhookReceiver.start(inbox, 0);
    return inbox;
  }

  private GenerationRequest request() {
    return GenerationRequest.builder("a heron").models("reel-1").webhookUrl(receiver.url())
        .build();
  }

  @Test
  void the_simulators_signed_webhook_ends_the_wait_without_a_single_poll() throws Exception {
    String secret = fx.client("sk-test-alice").build().webhookSecret();
    WebhookInbox inbox = inbox(secret);
    VideoClient client = fx.client("sk-test-alice").webhookInbox(inbox).build();

    GenerationResult r = client.generate(request());

    assertThat(secret).startsWith("whsec_");
    assertThat(r.status()).isEqualTo("succeeded");
    assertThat(r.source()).isEqualTo("webhook");
    assertThat(r.polls()).isZero();
    assertThat(inbox.processed()).singleElement()
        .satisfies(e -> assertThat(e.type()).isEqualTo("video.completed"));
    assertThat(client.reconcile().isBalanced()).isTrue();
  }

  @Test
  void a_duplicated_delivery_from_the_simulator_is_handled_once() throws Exception {
    fx.fault("{\"when\":{\"endpoint\":\"webhook\"},\"do\":{\"webhook\":\"duplicate\"}}");
    WebhookInbox inbox = inbox(fx.client("sk-test-alice").build().webhookSecret());
    AtomicInteger handled = new AtomicInteger();
    inbox.addListener(e -> handled.incrementAndGet());
    VideoClient client = fx.client("sk-test-alice").webhookInbox(inbox).build();

    client.generate(request());
    fx.clock.sleep(Duration.ofMinutes(1));

    assertThat(handled).hasValue(1);
    int attempts = fx.sim.call(e -> e.webhooks().attempts().size());
    assertThat(attempts).isGreaterThanOrEqualTo(2);
  }

  @Test
  void deliveries_signed_with_another_secret_are_refused_and_polling_takes_over()
      throws Exception {
    WebhookInbox inbox = inbox("whsec_" + java.util.Base64.getEncoder()
        .encodeToString("not-the-providers-key".getBytes()));
    VideoClient client = fx.client("sk-test-alice").webhookInbox(inbox).build();

    GenerationResult r = client.generate(request());

    assertThat(inbox.processed()).isEmpty();
    assertThat(r.status()).isEqualTo("succeeded");
    assertThat(r.source()).isEqualTo("poll");
  }
}
