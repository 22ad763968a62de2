package dev.vidsim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.client.StubServer.Reply;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlineTest {
  private final SimFixture fx = SimFixture.of(Scenarios.SLOW);

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void a_job_past_its_deadline_is_cancelled_and_reported_stuck_with_its_id() {
    VideoClient client = fx.client("sk-a").jobDeadline(Duration.ofMinutes(10)).build();
    Instant start = fx.clock.now();

    GenerationResult r = client.generate(GenerationRequest.builder("a glacier")
        .models("slow-render").build());

    assertThat(r.stuck()).isTrue();
    assertThat(r.cancelledByClient()).isTrue();
    assertThat(r.status()).isEqualTo("cancelled");
    assertThat(r.jobId()).startsWith("vid_");
    assertThat(r.toString()).contains(r.jobId()).contains("stuck");
    RequestRecord cancel = client.requestLog().records("cancel").get(0);
    assertThat(cancel.at()).isEqualTo(start.plus(Duration.ofMinutes(10)));
    String atProvider = fx.sim.call(e -> e.jobs().all().get(0).status().wireName());
    assertThat(atProvider).isEqualTo("cancelled");
    assertThat(client.reconcile().isBalanced()).isTrue();
  }

  @Test
  void a_cancel_keeps_a_per_task_charge_and_the_ledger_expects_it() {
    VideoClient client = fx.client("sk-a").jobDeadline(Duration.ofMinutes(5)).build();

    GenerationResult r = client.generate(GenerationRequest.builder("a glacier")
        .models("slow-task").build());

    assertThat(r.status()).isEqualTo("cancelled");
    assertThat(r.expectedCost()).isEqualTo(Amount.parse("0.50"));
    assertThat(client.reconcile().isBalanced()).isTrue();
  }

  @Test
  void with_cancel_off_a_stuck_job_is_only_flagged_and_keeps_running() {
    VideoClient client = fx.client("sk-a").jobDeadline(Duration.ofMinutes(10))
        .cancelOnDeadline(false).build();

    GenerationResult r = client.generate(GenerationRequest.builder("a glacier")
        .models("slow-render").build());

    assertThat(r.stuck()).isTrue();
    assertThat(r.cancelledByClient()).isFalse();
    assertThat(r.status()).isEqualTo("in_progress");
    assertThat(client.requestLog().records("cancel")).isEmpty();
  }

  @Test
  void a_per_request_deadline_overrides_the_client_default() {
    VideoClient client = fx.client("sk-a").jobDeadline(Duration.ofHours(5)).build();
    Instant start = fx.clock.now();

    GenerationResult r = client.generate(GenerationRequest.builder("a glacier")
        .models("slow-render").deadline(Duration.ofMinutes(3)).build());

    assertThat(r.stuck()).isTrue();
    assertThat(fx.clock.now()).isEqualTo(start.plus(Duration.ofMinutes(3)));
  }

  @Test
  void running_out_of_polls_reports_the_job_stuck() {
    VideoClient client = fx.client("sk-a").pollPolicy(new GrowingPollPolicy(
        Duration.ofSeconds(5), 100, Duration.ofSeconds(5), 3, Duration.ofMinutes(1))).build();

    GenerationResult r = client.generate(GenerationRequest.builder("a glacier")
        .models("slow-render").build());

    assertThat(r.polls()).isEqualTo(3);
    assertThat(r.stuck()).isTrue();
    assertThat(client.requestLog().records("get")).hasSize(3);
  }

  @Test
  void poll_fees_are_expected_per_poll_and_reconcile() {
    VideoClient client = fx.client("sk-a").build();

    GenerationResult r = client.generate(GenerationRequest.builder("a fox").models("polled")
        .build());

    assertThat(r.status()).isEqualTo("succeeded");
    assertThat(r.polls()).isPositive();
    Amount fees = new Amount(10_000L * r.polls());
    assertThat(r.expectedCost()).isEqualTo(Amount.parse("0.20").plus(fees));
    assertThat(client.reconcile().isBalanced()).as(client.reconcile().toString()).isTrue();
    assertThat(client.requestLog().records("get"))
        .allSatisfy(g -> assertThat(g.cost()).isEqualTo(Amount.parse("0.01")));
  }

  @Test
  void a_provider_without_cancel_gets_the_stuck_job_flagged() throws IOException {
    try (StubServer stub = new StubServer()) {
      stub.enqueue("GET /v1/models", Reply.json(200, StubJson.CATALOG));
      stub.enqueue("POST /v1/videos", Reply.json(201, StubJson.job("vid_9", "queued", "k")));
      stub.enqueue("GET /v1/videos/vid_9",
          Reply.json(200, StubJson.job("vid_9", "in_progress", "k")));
      stub.enqueue("POST /v1/videos/vid_9/cancel",
          Reply.json(405, StubJson.error("invalid_request")));
      ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
      VideoClient client = VideoClient.builder(stub.baseUrl(), "sk").clock(clock).seed(1)
          .jobDeadline(Duration.ofMinutes(2)).build();

      GenerationResult r = client.generate(GenerationRequest.builder("x").build());

      assertThat(r.stuck()).isTrue();
      assertThat(r.cancelledByClient()).isFalse();
      assertThat(r.jobId()).isEqualTo("vid_9");
      assertThat(stub.requests("POST /v1/videos/vid_9/cancel")).hasSize(1);
    }
  }
}
