package dev.vidsim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.client.cost.Reconciliation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GenerateTest {
  private final SimFixture fx = SimFixture.defaultScenario();

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void generates_one_video_and_its_cost_reconciles_with_the_provider() {
    VideoClient client = fx.client("sk-test-alice").build();

    GenerationResult r = client.generate(GenerationRequest.builder("a cat surfing")
        .models("reel-1").seconds(6).build());

    assertThat(r.status()).isEqualTo("succeeded");
    assertThat(r.stuck()).isFalse();
    assertThat(r.job().model()).isEqualTo("reel-1");
    assertThat(r.expectedCost()).isEqualTo(Amount.parse("0.60"));
    assertThat(r.job().charged()).isEqualTo(Amount.parse("0.60"));
    Reconciliation bill = client.reconcile();
    assertThat(bill.isBalanced()).as(bill.toString()).isTrue();
    assertThat(bill.chargedTotal()).isEqualTo(Amount.parse("0.60"));
  }

  @Test
  void polls_never_sooner_than_the_floor_and_the_waits_grow() {
    VideoClient client = fx.client("sk-test-alice")
        .pollPolicy(new GrowingPollPolicy(Duration.ofSeconds(5), 200, Duration.ofSeconds(40), 50,
            Duration.ofMinutes(2)))
        .build();

    GenerationResult r = client.generate(GenerationRequest.builder("a dog").models("reel-1")
        .build());

    List<RequestRecord> gets = client.requestLog().records("get");
    assertThat(r.polls()).isEqualTo(gets.size()).isBetween(1, 6);
    assertThat(gets).allSatisfy(g -> assertThat(g.waited()).isGreaterThanOrEqualTo(
        Duration.ofSeconds(5)));
    for (int i = 1; i < gets.size(); i++) {
      Duration gap = Duration.between(gets.get(i - 1).at(), gets.get(i).at());
      assertThat(gap).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
      if (i >= 2) {
        Duration previous = Duration.between(gets.get(i - 2).at(), gets.get(i - 1).at());
        assertThat(gap).isGreaterThanOrEqualTo(previous);
      }
    }
  }

  @Test
  void the_request_log_records_create_and_polls_with_attempts_status_and_cost() {
    VideoClient client = fx.client("sk-test-alice").build();

    GenerationResult r = client.generate(GenerationRequest.builder("a fox")
        .models("studio-credits").seconds(4).build());

    RequestRecord create = client.requestLog().records("create").get(0);
    assertThat(create.jobId()).isEqualTo(r.jobId());
    assertThat(create.attempt()).isEqualTo(1);
    assertThat(create.status()).isEqualTo(201);
    assertThat(create.idempotencyKey()).isEqualTo(r.submission().idempotencyKey());
    assertThat(create.cost()).isEqualTo(Amount.parse("0.20"));
    assertThat(client.requestLog().records("get"))
        .allSatisfy(g -> assertThat(g.jobId()).isEqualTo(r.jobId()));
  }
}
