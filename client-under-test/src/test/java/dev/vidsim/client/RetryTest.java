package dev.vidsim.client;

import static dev.vidsim.client.StubServer.Reply.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.client.StubServer.Reply;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryTest {
  static final String CREATE = "POST /v1/videos";
  static final String LIST = "GET /v1/videos";
  private final StubServer stub;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));

  RetryTest() throws IOException {
    stub = new StubServer();
    stub.enqueue("GET /v1/models", json(200, StubJson.CATALOG));
  }

  @AfterEach
  void close() {
    stub.close();
  }

  /**
   * A request timeout no instant stub answer can race, however loaded the machine: the exact
   * request counts below must not depend on its speed. The timeout test sets its own.
   */
  private VideoClientBuilder client() {
    return VideoClient.builder(stub.baseUrl(), "sk-stub").clock(clock).seed(3)
        .requestTimeout(Duration.ofSeconds(30));
  }

  private static GenerationRequest request() {
    return GenerationRequest.builder("a cat").build();
  }

  @Test
  void a_429_is_retried_with_the_same_key_and_body_after_at_least_retry_after_seconds() {
    stub.enqueue(CREATE, json(429, StubJson.error("rate_limited")).header("Retry-After", "7"),
        json(201, StubJson.job("vid_1", "queued", "k")));

    Submission s = client().build().submit(request());

    List<StubServer.Recorded> creates = stub.requests(CREATE);
    assertThat(creates).hasSize(2);
    assertThat(creates.get(1).header("idempotency-key"))
        .isEqualTo(creates.get(0).header("idempotency-key")).isEqualTo(s.idempotencyKey());
    assertThat(creates.get(1).body()).isEqualTo(creates.get(0).body());
    assertThat(clock.sleeps).hasSize(1);
    assertThat(clock.sleeps.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    assertThat(stub.requests(LIST)).as("a 429 is not ambiguous: no lookup").isEmpty();
  }

  @Test
  void retry_after_as_an_http_date_is_waited_until() {
    stub.enqueue(CREATE, json(503, StubJson.error("region_unavailable"))
            .header("Retry-After", "Wed, 25 Nov 2026 10:00:30 GMT"),
        json(201, StubJson.job("vid_1", "queued", "k")));
    stub.enqueue(LIST, json(200, StubJson.list()));

    client().build().submit(request());

    assertThat(clock.sleeps.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
  }

  @ParameterizedTest
  @CsvSource({"400,invalid_request", "401,unauthorized", "402,insufficient_balance",
      "403,model_not_available_for_tier", "404,model_not_found", "409,job_not_cancellable",
      "422,idempotency_key_reused"})
  void a_non_retryable_status_is_sent_once_and_reported(int status, String code) {
    stub.enqueue(CREATE, json(status, StubJson.error(code)));

    assertThatThrownBy(() -> client().build().submit(request()))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(status);
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.attempts()).isEqualTo(1);
        });
    assertThat(stub.requests(CREATE)).hasSize(1);
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void a_create_still_in_flight_409_is_retried() {
    stub.enqueue(CREATE, json(409, StubJson.error("idempotency_in_flight")),
        json(201, StubJson.job("vid_1", "queued", "k")));

    client().build().submit(request());

    assertThat(stub.requests(CREATE)).hasSize(2);
  }

  @Test
  void a_lost_create_response_is_found_by_its_key_and_never_sent_again() {
    stub.enqueue(CREATE, json(500, StubJson.error("internal")));
    stub.enqueue(LIST, json(200, StubJson.list(StubJson.job("vid_lost", "queued", "k"))));

    Submission s = client().build().submit(request());

    assertThat(s.job().id()).isEqualTo("vid_lost");
    assertThat(stub.requests(CREATE)).hasSize(1);
    assertThat(stub.requests(LIST)).singleElement().satisfies(r ->
        assertThat(r.query()).contains("idempotency_key=" + s.idempotencyKey()));
  }

  @Test
  void a_timed_out_create_is_looked_up_before_it_is_retried() {
    // answered only when the stub closes: the 2 s timeout always fires, the lookup never does
    stub.enqueue(CREATE, Reply.stall(600_000, 201, StubJson.job("vid_slow", "queued", "k")));
    stub.enqueue(LIST, json(200, StubJson.list(StubJson.job("vid_slow", "queued", "k"))));

    VideoClient client = client().requestTimeout(Duration.ofSeconds(2)).build();
    Submission s = client.submit(request());

    assertThat(s.job().id()).isEqualTo("vid_slow");
    assertThat(stub.requests(CREATE)).hasSize(1);
    assertThat(client.requestLog().records("create")).singleElement()
        .satisfies(r -> assertThat(r.errorCode()).isEqualTo("timeout"));
  }

  @Test
  void a_dropped_connection_with_no_job_behind_it_is_retried_with_the_same_key() {
    stub.enqueue(CREATE, Reply.dropConnection(), json(201, StubJson.job("vid_2", "queued", "k")));
    stub.enqueue(LIST, json(200, StubJson.list()));

    VideoClient client = client().build();
    Submission s = client.submit(request());

    assertThat(s.job().id()).isEqualTo("vid_2");
    List<StubServer.Recorded> creates = stub.requests(CREATE);
    assertThat(creates).hasSize(2);
    assertThat(creates.get(1).header("idempotency-key"))
        .isEqualTo(creates.get(0).header("idempotency-key"));
    assertThat(client.requestLog().records("create").get(0).errorCode()).isEqualTo("connection");
    assertThat(stub.requests(LIST)).hasSize(1);
  }

  @Test
  void retries_stop_at_the_attempt_cap_and_each_wait_stays_under_the_backoff_cap() {
    stub.enqueue(CREATE, json(503, StubJson.error("region_unavailable")));
    stub.enqueue(LIST, json(200, StubJson.list()));
    VideoClient client = client().retryPolicy(new BackoffRetryPolicy(Duration.ofSeconds(1),
        Duration.ofSeconds(4), 6, Duration.ofMinutes(1))).build();

    assertThatThrownBy(() -> client.submit(request()))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(503);
          assertThat(e.attempts()).isEqualTo(6);
        });
    assertThat(stub.requests(CREATE)).hasSize(6);
    assertThat(clock.sleeps).hasSize(5)
        .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(4)));
    assertThat(stub.requests(LIST)).as("a lookup before every retry and after the last")
        .hasSize(6);
  }

  @Test
  void during_an_outage_one_create_stays_within_three_times_its_attempts_in_requests() {
    stub.enqueue(CREATE, json(503, StubJson.error("region_unavailable")));
    stub.enqueue(LIST, json(503, StubJson.error("region_unavailable")));
    VideoClient client = client().retryPolicy(new BackoffRetryPolicy(Duration.ofSeconds(1),
        Duration.ofSeconds(4), 6, Duration.ofMinutes(1))).build();

    assertThatThrownBy(() -> client.submit(request())).isInstanceOf(ApiException.class);

    assertThat(stub.requests(CREATE)).hasSize(6);
    assertThat(stub.requests(LIST)).as("a single lookup before each retry (5), then one"
        + " looked up with retries when the create gives up (6)").hasSize(11);
    assertThat(stub.requests()).hasSizeLessThanOrEqualTo(1 + 3 * 6);
  }

  @Test
  void a_lookup_answered_with_retry_after_is_not_repeated_before_it() {
    stub.enqueue(CREATE, json(503, StubJson.error("region_unavailable")));
    stub.enqueue(LIST, json(429, StubJson.error("rate_limited")).header("Retry-After", "20"),
        json(200, StubJson.list()));
    VideoClient client = client().retryPolicy(new BackoffRetryPolicy(Duration.ofSeconds(1),
        Duration.ofSeconds(2), 4, Duration.ofMinutes(1))).build();

    assertThatThrownBy(() -> client.submit(request())).isInstanceOf(ApiException.class);

    List<RequestRecord> lookups = client.requestLog().records("lookup");
    assertThat(lookups).hasSizeGreaterThanOrEqualTo(2);
    assertThat(Duration.between(lookups.get(0).at(), lookups.get(1).at()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(20));
    assertThat(stub.requests(CREATE)).hasSize(4);
  }

  @Test
  void a_retry_after_beyond_the_limit_ends_the_call_instead_of_blocking() {
    stub.enqueue(CREATE, json(429, StubJson.error("rate_limited")).header("Retry-After", "3600"));

    assertThatThrownBy(() -> client().build().submit(request()))
        .isInstanceOf(ApiException.class).hasMessageContaining("retryAfterMax");
    assertThat(stub.requests(CREATE)).hasSize(1);
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void a_failed_poll_is_retried_and_then_the_job_completes() {
    stub.enqueue(CREATE, json(201, StubJson.job("vid_3", "queued", "k")));
    stub.enqueue("GET /v1/videos/vid_3", json(502, StubJson.error("internal")),
        json(200, StubJson.job("vid_3", "succeeded", "k")));

    GenerationResult r = client().build().generate(request());

    assertThat(r.status()).isEqualTo("succeeded");
    assertThat(stub.requests("GET /v1/videos/vid_3")).hasSize(2);
  }

  @Test
  void a_model_removed_since_the_catalog_was_read_falls_back_with_a_fresh_key() {
    stub.replace("GET /v1/models", json(200, StubJson.catalog("m1", "m2")),
        json(200, StubJson.catalog("m2")));
    stub.enqueue(CREATE, json(404, StubJson.error("model_not_found")),
        json(201, StubJson.job("vid_m2", "queued", "k")));

    Submission s = client().build().submit(GenerationRequest.builder("a cat").models("m1", "m2")
        .build());

    List<StubServer.Recorded> creates = stub.requests(CREATE);
    assertThat(creates).hasSize(2);
    assertThat(creates.get(0).body()).contains("\"m1\"");
    assertThat(creates.get(1).body()).contains("\"m2\"");
    assertThat(creates.get(1).header("idempotency-key"))
        .isNotEqualTo(creates.get(0).header("idempotency-key"));
    assertThat(s.choice().fellBack()).isTrue();
    assertThat(s.choice().reason()).contains("m1 is not in the catalog");
    assertThat(stub.requests("GET /v1/models")).hasSize(2);
  }
}
