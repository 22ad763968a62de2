package dev.vidsim.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Models leaving the catalog mid-run, and rate limits, on the real simulator. */
class AvailabilityTest {
  static final String YAML = """
      schemaVersion: 1
      name: availability
      seed: 5
      clock: virtual
      currency: USD
      accounts:
        - { apiKey: sk-a, tier: free, region: us-east, balance: "20.00" }
      limits: { requestsPerMinute: 4 }
      models:
        - id: old-model
          modes: [text-to-video]
          resolutions: [720p]
          regions: [us-east]
          maxSeconds: 10
          removedAt: 30m
          pricing: { unit: video, price: "0.20", billOn: delivery }
          latency: { queued: 1s, render: 20s }
        - id: new-model
          modes: [text-to-video]
          resolutions: [720p]
          regions: [us-east]
          maxSeconds: 10
          pricing: { unit: video, price: "0.25", billOn: delivery }
          latency: { queued: 1s, render: 20s }
      """;
  private final SimFixture fx = SimFixture.of(YAML);

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void a_model_removed_after_the_catalog_was_read_falls_back_and_reports_the_price_difference() {
    VideoClient client = fx.client("sk-a").build();
    assertThat(client.models()).extracting(m -> m.id()).contains("old-model");
    fx.clock.sleep(Duration.ofMinutes(31));

    GenerationResult r = client.generate(GenerationRequest.builder("a cat")
        .models("old-model", "new-model").build());

    assertThat(r.job().model()).isEqualTo("new-model");
    assertThat(r.fellBack()).isTrue();
    List<RequestRecord> creates = client.requestLog().records("create");
    assertThat(creates).extracting(RequestRecord::status).containsExactly(404, 201);
    assertThat(client.reconcile().isBalanced()).isTrue();
  }

  @Test
  void the_rate_limit_429_is_waited_out_and_every_job_is_created_once() {
    VideoClient client = fx.client("sk-a").build();

    for (int i = 0; i < 3; i++) {
      client.generate(GenerationRequest.builder("cat " + i).models("new-model").build());
    }

    List<RequestRecord> limited = client.requestLog().records().stream()
        .filter(r -> r.status() == 429).toList();
    assertThat(limited).isNotEmpty();
    int jobs = fx.sim.call(e -> e.jobs().all().size());
    assertThat(jobs).isEqualTo(3);
    assertThat(client.reconcile().isBalanced()).isTrue();
  }
}
