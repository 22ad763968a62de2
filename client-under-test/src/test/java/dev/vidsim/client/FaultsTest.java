package dev.vidsim.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against faults injected into the real simulator ({@code POST /_sim/faults}). */
class FaultsTest {
  private final SimFixture fx = SimFixture.defaultScenario();

  @AfterEach
  void close() {
    fx.close();
  }


  private int providerJobs() {
    return fx.sim.call(e -> e.jobs().all().size());
  }

  @Test
  void a_lost_create_response_settles_to_exactly_one_job_and_one_charge() throws Exception {
    fx.fault("{\"when\":{\"endpoint\":\"create\",\"nth\":1},\"do\":{\"lostResponse\":true}}");
    VideoClient client = fx.client("sk-test-alice").build();

    GenerationResult r = client.generate(GenerationRequest.builder("a cat").models("studio-credits")
        .seconds(4).build());

    assertThat(client.requestLog().records("create")).singleElement()
        .satisfies(c -> assertThat(c.status()).isGreaterThanOrEqualTo(500));
    assertThat(client.requestLog().records("lookup")).isNotEmpty();
    assertThat(providerJobs()).isEqualTo(1);
    assertThat(r.status()).isEqualTo("succeeded");
    assertThat(client.reconcile().isBalanced()).as(client.reconcile().toString()).isTrue();
    assertThat(client.reconcile().chargedTotal()).isEqualTo(Amount.parse("0.20"));
  }

  @Test
  void a_retry_refused_after_a_lost_response_still_finds_the_job_the_first_attempt_made()
      throws Exception {
    fx.fault("{\"when\":{\"endpoint\":\"list\",\"times\":1},"
        + "\"do\":{\"status\":429,\"retryAfter\":\"1s\"}}");
    fx.fault("{\"when\":{\"endpoint\":\"create\",\"times\":1},\"do\":{\"lostResponse\":true}}");
    fx.fault("{\"when\":{\"endpoint\":\"create\",\"times\":2},\"do\":{\"status\":402}}");
    VideoClient client = fx.client("sk-test-alice").build();

    Submission s = client.submit(GenerationRequest.builder("a cat").models("quick-task").build());

    assertThat(client.requestLog().records("create")).extracting(RequestRecord::status)
        .containsExactly(500, 402);
    assertThat(s.job().idempotencyKey()).isEqualTo(s.idempotencyKey());
    assertThat(providerJobs()).isEqualTo(1);
    assertThat(client.reconcile().isBalanced()).as(client.reconcile().toString()).isTrue();
  }

  @Test
  void a_refused_retry_is_not_final_while_the_lost_attempt_cannot_be_looked_up()
      throws Exception {
    fx.fault("{\"when\":{\"endpoint\":\"create\",\"times\":1},\"do\":{\"lostResponse\":true}}");
    fx.fault("{\"when\":{\"endpoint\":\"create\",\"times\":2},\"do\":{\"status\":402}}");
    fx.fault("{\"when\":{\"endpoint\":\"list\"},\"do\":{\"status\":503}}");
    VideoClient client = fx.client("sk-test-alice").build();
    GenerationRequest req = GenerationRequest.builder("a cat").generationId("order-7")
        .models("quick-task").build();

    assertThatThrownBy(() -> client.submit(req)).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.status()).as("outcome unknown, not a definite 402").isEqualTo(500));
    HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(fx.baseUrl() + "/_sim/faults")).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
    Submission s = client.submit(req);

    assertThat(s.resumed()).isTrue();
    assertThat(providerJobs()).isEqualTo(1);
    assertThat(client.requestLog().records("create")).hasSize(2);
  }

  @Test
  void a_dropped_connection_after_the_charge_is_found_by_key_too() throws Exception {
    fx.fault("{\"when\":{\"endpoint\":\"create\",\"nth\":1},"
        + "\"do\":{\"lostResponse\":true,\"drop\":true}}");
    VideoClient client = fx.client("sk-test-alice").build();

    Submission s = client.submit(GenerationRequest.builder("a cat").models("reel-1").build());

    assertThat(s.job().idempotencyKey()).isEqualTo(s.idempotencyKey());
    assertThat(client.requestLog().records("create")).singleElement()
        .satisfies(c -> assertThat(c.errorCode()).isEqualTo("connection"));
    assertThat(providerJobs()).isEqualTo(1);
  }

  @Test
  void a_rate_limited_poll_waits_at_least_retry_after() throws Exception {
    fx.fault("{\"when\":{\"endpoint\":\"get\",\"nth\":1},"
        + "\"do\":{\"status\":429,\"retryAfter\":\"7s\"}}");
    VideoClient client = fx.client("sk-test-alice").build();

    client.generate(GenerationRequest.builder("a cat").models("clip-video").build());

    List<RequestRecord> gets = client.requestLog().records("get");
    assertThat(gets.get(0).status()).isEqualTo(429);
    assertThat(gets.get(1).attempt()).isEqualTo(2);
    assertThat(gets.get(1).waited()).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    assertThat(Duration.between(gets.get(0).at(), gets.get(1).at()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void retry_after_as_an_http_date_from_the_simulator_is_honoured() throws Exception {
    fx.fault("{\"when\":{\"endpoint\":\"create\",\"nth\":1},"
        + "\"do\":{\"status\":503,\"retryAfterDate\":\"30s\"}}");
    VideoClient client = fx.client("sk-test-alice").build();

    client.submit(GenerationRequest.builder("a cat").models("reel-1").build());

    List<RequestRecord> creates = client.requestLog().records("create");
    assertThat(creates).hasSize(2);
    assertThat(creates.get(1).waited()).isGreaterThanOrEqualTo(Duration.ofSeconds(29));
    assertThat(providerJobs()).isEqualTo(1);
  }

  @Test
  void a_402_is_never_retried() throws Exception {
    fx.fault("{\"when\":{\"endpoint\":\"create\"},\"do\":{\"status\":402}}");
    VideoClient client = fx.client("sk-test-alice").build();

    assertThatThrownBy(() -> client.submit(GenerationRequest.builder("a").models("reel-1").build()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(402));
    assertThat(client.requestLog().records("create")).hasSize(1);
  }

  @Test
  void a_stuck_job_is_cancelled_at_the_deadline_and_its_charge_follows_the_cancel_policy()
      throws Exception {
    fx.fault("{\"when\":{\"endpoint\":\"create\"},\"do\":{\"outcome\":\"stuck\"}}");
    VideoClient client = fx.client("sk-test-alice").jobDeadline(Duration.ofMinutes(15)).build();

    GenerationResult r = client.generate(GenerationRequest.builder("a").models("studio-credits")
        .seconds(4).build());

    assertThat(r.stuck()).isTrue();
    assertThat(r.cancelledByClient()).isTrue();
    assertThat(r.expectedCost()).as("studio-credits keeps the charge on cancel")
        .isEqualTo(Amount.parse("0.20"));
    assertThat(client.reconcile().isBalanced()).isTrue();
  }

  @Test
  void a_provider_timeout_is_settled_by_policy_and_reconciles() throws Exception {
    fx.fault("{\"when\":{\"endpoint\":\"create\"},"
        + "\"do\":{\"outcome\":\"timeout\",\"after\":\"5m\"}}");
    VideoClient client = fx.client("sk-test-alice").build();

    GenerationResult r = client.generate(GenerationRequest.builder("a").models("studio-credits")
        .seconds(4).build());

    assertThat(r.status()).isEqualTo("timed_out");
    assertThat(r.expectedCost()).as("studio-credits refunds a timeout").isEqualTo(Amount.ZERO);
    assertThat(client.reconcile().isBalanced()).as(client.reconcile().toString()).isTrue();
  }

  @Test
  void a_client_that_retries_create_without_its_key_pays_twice_and_reconcile_shows_it()
      throws Exception {
    fx.fault("{\"when\":{\"endpoint\":\"create\",\"nth\":1},\"do\":{\"lostResponse\":true}}");
    VideoClient mutant = fx.client("sk-test-alice").idempotency(new IdempotencyPolicy() {
      @Override
      public String header(String savedKey, int attempt) {
        return null;
      }

      @Override
      public boolean lookUpBeforeRetry() {
        return false;
      }
    }).build();

    mutant.submit(GenerationRequest.builder("a cat").models("studio-credits").seconds(4).build());

    assertThat(providerJobs()).isEqualTo(2);
    assertThat(mutant.reconcile().differences()).singleElement().satisfies(d -> {
      assertThat(d.expected()).isNull();
      assertThat(d.charged()).isEqualTo(Amount.parse("0.20"));
    });
  }
}
