package dev.vidsim.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.client.webhook.WebhookInbox;
import dev.vidsim.client.webhook.WebhookInbox.Outcome;
import dev.vidsim.client.webhook.WebhookVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each documented one-line variant really changes behaviour, so a harness can catch it. */
class MutantSeamsTest {
  private final SimFixture fx = SimFixture.defaultScenario();

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void a_policy_that_ignores_retry_after_retries_too_soon() throws Exception {
    fx.fault("{\"when\":{\"endpoint\":\"create\",\"nth\":1},"
        + "\"do\":{\"status\":429,\"retryAfter\":\"20s\"}}");
    RetryPolicy ignoresRetryAfter = new BackoffRetryPolicy(Duration.ofSeconds(1),
        Duration.ofSeconds(30), 5, Duration.ofMinutes(5)) {
      @Override
      public Duration delay(int retry, Duration retryAfter, SplittableRandom random) {
        return super.delay(retry, null, random);
      }
    };
    VideoClient client = fx.client("sk-test-alice").retryPolicy(ignoresRetryAfter).build();

    client.submit(GenerationRequest.builder("a").models("reel-1").build());

    assertThat(client.requestLog().records("create").get(1).waited())
        .isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void a_policy_that_retries_402_sends_it_again() throws Exception {
    fx.fault("{\"when\":{\"endpoint\":\"create\"},\"do\":{\"status\":402}}");
    RetryPolicy retriesEverything = new BackoffRetryPolicy(Duration.ofSeconds(1),
        Duration.ofSeconds(30), 3, Duration.ofMinutes(5)) {
      @Override
      public boolean isRetryable(Failure failure) {
        return true;
      }
    };
    VideoClient client = fx.client("sk-test-alice").retryPolicy(retriesEverything).build();

    assertThatThrownBy(() -> client.submit(GenerationRequest.builder("a").models("reel-1")
        .build())).isInstanceOf(ApiException.class);
    assertThat(client.requestLog().records("create")).hasSize(3);
  }

  @Test
  void an_inbox_without_dedupe_accepts_the_same_delivery_twice() {
    ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
    WebhookInbox noDedupe = new WebhookInbox(new WebhookVerifier(WebhookTest.SECRET,
        Duration.ofMinutes(5), clock)) {
      @Override
      protected boolean isDuplicate(String webhookId) {
        return false;
      }
    };
    String body = WebhookTest.event("evt_1", "succeeded", clock.now());
    long ts = clock.now().getEpochSecond();
    String sig = WebhookVerifier.sign(WebhookTest.SECRET, "m", ts, body);

    noDedupe.receive("m", "" + ts, sig, body);
    var again = noDedupe.receive("m", "" + ts, sig, body);

    assertThat(again.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(noDedupe.processed()).hasSize(2);
  }
}
