package dev.vidsim.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A synchronous model holds the create open until the job ends. On a virtual clock nothing moves
 * while the client waits, so its read timeout fires: the job was made and charged all the same.
 */
class SyncModelTest {
  static final String YAML = """
      schemaVersion: 1
      name: sync
      seed: 9
      clock: virtual
      currency: USD
      accounts:
        - { apiKey: sk-a, tier: free, region: us-east, balance: "5.00" }
      models:
        - id: waits
          modes: [text-to-video]
          resolutions: [720p]
          regions: [us-east]
          maxSeconds: 10
          sync: true
          pricing: { unit: task, price: "0.40", billOn: create }
          latency: { queued: 1s, render: 20s }
      """;
  private final SimFixture fx = SimFixture.of(YAML);

  @AfterEach
  void close() {
    fx.close();
  }

  /**
   * While the first create is held its key finds nothing and a resend is 409 in flight: the
   * client waits that out with the same key (its retries outlast the 21 s render here) and gets
   * the one job, charged once.
   */
  @Test
  void a_create_that_times_out_is_found_by_its_key_and_charged_once() {
    VideoClient client = fx.client("sk-a").requestTimeout(Duration.ofMillis(500))
        .retryPolicy(new BackoffRetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 8,
            Duration.ofMinutes(5))).build();

    GenerationResult r = client.generate(GenerationRequest.builder("a cat").build());

    assertThat(client.requestLog().records("create")).first()
        .satisfies(c -> assertThat(c.errorCode()).isEqualTo("timeout"));
    int jobs = fx.sim.call(e -> e.jobs().all().size());
    assertThat(jobs).isEqualTo(1);
    assertThat(r.status()).isEqualTo("succeeded");
    assertThat(client.reconcile().isBalanced()).as(client.reconcile().toString()).isTrue();
    assertThat(client.reconcile().chargedTotal()).isEqualTo(Amount.parse("0.40"));
  }
}
