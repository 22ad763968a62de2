package dev.vidsim.dialect.replicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.vidsim.check.HookReceiver;
import dev.vidsim.faults.SimFixture;
import dev.vidsim.webhooks.WebhookDeliveryTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every route and error of the Replicate dialect, over raw HTTP. */
class ReplicateContractTest {
  static final String MODELS = """
        - id: google/veo-3.1
          modes: [text-to-video, image-to-video]
          resolutions: [1080p, 720p]
          regions: [us-east, eu-west]
          minSeconds: 4
          maxSeconds: 8
          defaultSeconds: 8
          pricing: { unit: second, price: "0.40", billOn: delivery }
          latency: { queued: 2s, render: 60s }
        - id: acme/quick
          modes: [text-to-video]
          regions: [us-east]
          maxSeconds: 8
          defaultSeconds: 4
          pricing: { unit: second, price: "0.001", billOn: delivery }
          latency: { queued: 1s, render: 10s }
      """;
  static final String INPUT = "{\"input\":{\"prompt\":\"a cat\",\"duration\":8,"
      + "\"resolution\":\"720p\"}}";
  final SimFixture fx = SimFixture.of(SimFixture.BASE + MODELS);

  @AfterEach
  void close() {
    fx.close();
  }

  RequestSpecification api() {
    return RestAssured.given().baseUri(fx.server.dialectBaseUrl("replicate"))
        .header("Authorization", "Bearer " + SimFixture.ALICE).contentType("application/json");
  }

  Response create(String body) {
    return api().body(body).post("/models/google/veo-3.1/predictions");
  }

  @Test
  void a_prediction_by_model_runs_to_succeeded_and_its_output_downloads_without_a_key() {
    String id = create(INPUT).then().statusCode(201).body("status", equalTo("starting"))
        .body("version", equalTo("hidden")).body("model", equalTo("google/veo-3.1"))
        .body("input.prompt", equalTo("a cat")).body("output", nullValue())
        .extract().path("id");
    assertThat((String) id).as("Replicate's id form").matches("[a-z2-7]{26}");
    String engineId = fx.sim.call(e -> e.jobs().all().get(0).id());
    assertThat(engineId).as("one id, wire and engine").isEqualTo(id);
    fx.advance("30s");
    api().get("/predictions/" + id).then().body("status", equalTo("processing"))
        .body("started_at", startsWith("20"));
    fx.advance("5m");
    Response done = api().get("/predictions/" + id);
    done.then().statusCode(200).body("status", equalTo("succeeded"))
        .body("metrics.predict_time", equalTo(60.0f)).body("error", nullValue());
    String output = done.path("output");
    assertThat(output).startsWith("http://").endsWith("/output.mp4");
    byte[] mp4 = RestAssured.get(output).then().statusCode(200).contentType("video/mp4")
        .extract().asByteArray();
    assertThat(new String(mp4, 4, 4)).isEqualTo("ftyp");
    assertThat(fx.balance(SimFixture.ALICE)).isEqualTo("6.80");
  }

  @Test
  void a_prediction_by_version_takes_the_id_alone_or_after_the_model_name() {
    String version = api().get("/models/google/veo-3.1").then().statusCode(200)
        .extract().path("latest_version.id");
    assertThat(version).matches("[0-9a-f]{64}");
    String body = INPUT.replace("{\"input\"", "{\"version\":\"" + version + "\",\"input\"");
    api().body(body).post("/predictions").then().statusCode(201)
        .body("version", equalTo(version)).body("model", equalTo("google/veo-3.1"));
    api().body(body.replace(version, "google/veo-3.1:" + version)).post("/predictions").then()
        .statusCode(201).body("version", equalTo(version));
    api().body(body.replace(version, "0".repeat(64))).post("/predictions").then()
        .statusCode(422).contentType("application/problem+json")
        .body("invalid_fields[0].field", equalTo("version"));
  }

  @Test
  void prefer_wait_holds_the_create_until_done_or_for_n_seconds_of_simulated_time()
      throws Exception {
    Response quick = held(api().header("Prefer", "wait").body("{\"input\":{\"prompt\":\"x\"}}"),
        "/models/acme/quick/predictions");
    quick.then().statusCode(201).body("status", equalTo("succeeded"))
        .body("output", startsWith("http://"));
    Response slow = held(api().header("Prefer", "wait=5").body(INPUT),
        "/models/google/veo-3.1/predictions");
    slow.then().statusCode(201).body("status", equalTo("processing"));
    api().header("Prefer", "wait=61").body(INPUT).post("/models/google/veo-3.1/predictions")
        .then().statusCode(422).body("invalid_fields[0].field", equalTo("Prefer"));
  }

  /** Sends a held request and moves the virtual clock until it is answered. */
  private Response held(RequestSpecification request, String path) throws Exception {
    CompletableFuture<Response> answer = CompletableFuture.supplyAsync(() -> request.post(path));
    for (int i = 0; i < 500 && !answer.isDone(); i++) {
      fx.sim.advance(Duration.ofSeconds(1));
      try {
        return answer.get(20, TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillHeld) {
        // the request is held on the simulated clock: move it on
      }
    }
    return answer.get(5, TimeUnit.SECONDS);
  }

  @Test
  void the_list_is_newest_first_in_pages_of_100_linked_by_a_cursor_url() {
    for (int i = 0; i < 101; i++) {
      api().body("{\"input\":{\"prompt\":\"p" + i + "\"}}").post("/models/acme/quick/predictions")
          .then().statusCode(201);
    }
    Response first = api().get("/predictions");
    first.then().statusCode(200).body("results", hasSize(100))
        .body("results[0].input.prompt", equalTo("p100")).body("previous", nullValue());
    String next = first.path("next");
    assertThat(next).contains("/replicate/v1/predictions?cursor=");
    RestAssured.given().header("Authorization", "Bearer " + SimFixture.ALICE).get(next).then()
        .body("results", hasSize(1)).body("results[0].input.prompt", equalTo("p0"))
        .body("next", nullValue());
  }

  @Test
  void cancel_ends_a_running_prediction_as_canceled_and_answers_a_finished_one_as_it_is() {
    String id = create(INPUT).path("id");
    api().post("/predictions/" + id + "/cancel").then().statusCode(200)
        .body("status", equalTo("canceled")).body("error", nullValue());
    api().post("/predictions/" + id + "/cancel").then().statusCode(200)
        .body("status", equalTo("canceled"));
    assertThat(fx.balance(SimFixture.ALICE)).isEqualTo("10.00");
  }

  @Test
  void a_failed_prediction_says_why_and_costs_nothing() {
    fx.addFault("{\"when\":{\"endpoint\":\"create\"},\"do\":{\"outcome\":\"error\"}}");
    String id = create(INPUT).path("id");
    fx.advance("5m");
    api().get("/predictions/" + id).then().body("status", equalTo("failed"))
        .body("error", equalTo("the provider failed to render the video"))
        .body("output", nullValue());
    assertThat(fx.balance(SimFixture.ALICE)).isEqualTo("10.00");
  }

  @Test
  void errors_are_problem_documents_naming_what_to_fix() {
    RestAssured.given().baseUri(fx.server.dialectBaseUrl("replicate")).get("/predictions")
        .then().statusCode(401).contentType("application/problem+json")
        .body("title", equalTo("Unauthenticated")).body("status", equalTo(401));
    RestAssured.given().baseUri(fx.server.dialectBaseUrl("replicate"))
        .header("Authorization", "Key " + SimFixture.ALICE).get("/predictions").then()
        .statusCode(401);
    api().body(INPUT).post("/models/acme/none/predictions").then().statusCode(404)
        .body("title", equalTo("Not found"));
    create("{\"input\":{\"prompt\":\"a\",\"colour\":1}}").then().statusCode(422)
        .body("invalid_fields[0].field", equalTo("input.colour"));
    create("{\"input\":").then().statusCode(400).body("title", equalTo("Bad request"));
    create("{\"input\":{}}").then().statusCode(422).body("detail", startsWith("prompt"));
    api().get("/predictions/abc123").then().statusCode(404);
    assertThat(fx.ledgerLines(SimFixture.ALICE)).isEqualTo(1);
  }

  @Test
  void a_429_is_throttled_with_retry_after_and_replicates_detail() {
    fx.addFault("{\"when\":{\"endpoint\":\"create\"},\"do\":{\"status\":429,"
        + "\"retryAfter\":\"30s\"}}");
    create(INPUT).then().statusCode(429).header("Retry-After", "30")
        .contentType("application/problem+json").body("title", equalTo("Request was throttled"))
        .body("detail", startsWith("Request was throttled. Your rate limit resets in ~30s."));
  }

  @Test
  void a_webhook_posts_the_finished_prediction_signed_with_the_default_secret()
      throws Exception {
    try (HookReceiver receiver = new HookReceiver()) {
      String id = create("{\"input\":{\"prompt\":\"a cat\"},\"webhook\":\"" + receiver.url()
          + "\",\"webhook_events_filter\":[\"completed\"]}").then().statusCode(201)
          .body("webhook_events_filter[0]", equalTo("completed")).extract().path("id");
      fx.advance("5m");
      String secret = api().get("/webhooks/default/secret").then().statusCode(200)
          .extract().path("key");
      assertThat(secret).startsWith("whsec_");
      assertThat(receiver.deliveries()).hasSize(1);
      HookReceiver.Delivery d = receiver.deliveries().get(0);
      assertThat(d.body()).contains("\"id\":\"" + id + "\"").contains("\"status\":\"succeeded\"");
      assertThat(d.signature()).isEqualTo(WebhookDeliveryTest.expectedSignature(secret, d.id(),
          d.timestamp(), d.body()));
    }
  }

  @Test
  void a_start_filter_sends_only_the_start_and_an_unknown_event_is_refused() {
    try (HookReceiver receiver = new HookReceiver()) {
      create("{\"input\":{\"prompt\":\"a\"},\"webhook\":\"" + receiver.url()
          + "\",\"webhook_events_filter\":[\"start\"]}").then().statusCode(201);
      fx.advance("5m");
      assertThat(receiver.deliveries()).hasSize(1);
      assertThat(receiver.deliveries().get(0).body()).contains("\"status\":\"processing\"")
          .contains("\"started_at\":\"2026-01-01T00:00:02Z\"");
      create("{\"input\":{\"prompt\":\"a\"},\"webhook\":\"" + receiver.url()
          + "\",\"webhook_events_filter\":[\"done\"]}").then().statusCode(422)
          .body("invalid_fields[0].field", equalTo("webhook_events_filter"));
    }
  }

  @Test
  void every_event_is_the_prediction_at_that_moment_start_logs_output_completed_each_signed()
      throws Exception {
    try (HookReceiver receiver = new HookReceiver()) {
      create("{\"input\":{\"prompt\":\"a\"},\"webhook\":\"" + receiver.url()
          + "\",\"webhook_events_filter\":[\"completed\",\"logs\",\"output\",\"start\"]}")
          .then().statusCode(201);
      fx.advance("5m");
      String secret = api().get("/webhooks/default/secret").path("key");
      var got = receiver.deliveries();
      assertThat(got).hasSize(4);
      // start at 2 s, logs half way through the 60 s render, output and completed at the end
      assertThat(got.stream().map(HookReceiver.Delivery::timestamp)).containsExactly(
          "1767225602", "1767225632", "1767225662", "1767225662");
      assertThat(got.get(0).body()).contains("\"status\":\"processing\"", "0% rendered");
      assertThat(got.get(1).body()).contains("\"status\":\"processing\"")
          .contains("50% rendered");
      assertThat(got.get(2).body()).contains("\"status\":\"succeeded\"", "/output.mp4");
      assertThat(got.get(3).body()).isEqualTo(got.get(2).body());
      assertThat(got.stream().map(HookReceiver.Delivery::id).distinct()).hasSize(4);
      for (HookReceiver.Delivery d : got) {
        assertThat(d.signature()).isEqualTo(WebhookDeliveryTest.expectedSignature(secret,
            d.id(), d.timestamp(), d.body()));
      }
      assertThat(fx.admin().get("/_sim/journal").asString().lines()
          .filter(l -> l.contains("\"kind\":\"webhook_event\"")).map(l -> l.replaceAll(
              ".*\"type\":\"([a-z]+)\".*", "$1"))).containsExactly("start", "logs", "output",
          "completed");
    }
  }

  @Test
  void without_a_filter_the_receiver_gets_output_and_completed_as_replicates_docs_say() {
    try (HookReceiver receiver = new HookReceiver()) {
      create("{\"input\":{\"prompt\":\"a\"},\"webhook\":\"" + receiver.url() + "\"}")
          .then().statusCode(201).body("webhook_events_filter", contains("output", "completed"));
      fx.advance("5m");
      assertThat(receiver.deliveries()).hasSize(2).allSatisfy(d -> assertThat(d.body())
          .contains("\"status\":\"succeeded\""));
    }
  }

  @Test
  void a_failed_prediction_sends_completed_but_no_output() {
    fx.addFault("{\"when\":{\"endpoint\":\"create\"},\"do\":{\"outcome\":\"error\"}}");
    try (HookReceiver receiver = new HookReceiver()) {
      create("{\"input\":{\"prompt\":\"a\"},\"webhook\":\"" + receiver.url() + "\"}")
          .then().statusCode(201);
      fx.advance("5m");
      assertThat(receiver.deliveries()).hasSize(1);
      assertThat(receiver.deliveries().get(0).body()).contains("\"status\":\"failed\"");
    }
  }

  @Test
  void cancel_after_aborts_a_prediction_not_yet_started_and_cancels_a_running_one() {
    String queued = api().header("Cancel-After", "1s").body(INPUT)
        .post("/models/google/veo-3.1/predictions").then().statusCode(201)
        .body("deadline", startsWith("20")).extract().path("id");
    String running = api().header("Cancel-After", "1m").body(INPUT)
        .post("/models/google/veo-3.1/predictions").path("id");
    fx.advance("5m");
    api().get("/predictions/" + queued).then().body("status", equalTo("aborted"))
        .body("started_at", nullValue());
    api().get("/predictions/" + running).then().body("status", equalTo("canceled"))
        .body("started_at", startsWith("20"));
    assertThat(fx.balance(SimFixture.ALICE)).isEqualTo("10.00");
    api().header("Cancel-After", "soon").body(INPUT).post("/models/google/veo-3.1/predictions")
        .then().statusCode(422).body("invalid_fields[0].field", equalTo("Cancel-After"));
  }
}
