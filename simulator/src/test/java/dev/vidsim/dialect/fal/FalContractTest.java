package dev.vidsim.dialect.fal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.vidsim.faults.SimFixture;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every route and error of the fal queue dialect, over raw HTTP and through its proxy. */
class FalContractTest {
  static final String MODELS = """
        - id: fal-ai/veo3.1
          modes: [text-to-video, image-to-video]
          resolutions: [720p, 1080p, 4k]
          regions: [us-east, eu-west]
          minSeconds: 4
          maxSeconds: 8
          defaultSeconds: 8
          pricing:
            unit: second
            price: "0.40"
            prices:
              - { resolution: 4k, price: "0.60" }
            billOn: delivery
            onFailure: { error: refund, timeout: refund, cancel: refund, contentFilter: refund }
          latency: { queued: 2s, render: 60s }
      """;
  static final String INPUT = "{\"prompt\":\"a cat\",\"duration\":\"8s\",\"resolution\":\"720p\"}";
  static final String APP = "/queue/fal-ai/veo3.1";
  final SimFixture fx = SimFixture.of(SimFixture.BASE + MODELS);

  @AfterEach
  void close() {
    fx.close();
  }

  RequestSpecification api() {
    return RestAssured.given().baseUri(fx.server.dialectBaseUrl("fal"))
        .header("Authorization", "Key " + SimFixture.ALICE).contentType("application/json");
  }

  String submit() {
    return api().body(INPUT).post(APP).then().statusCode(200).extract().path("request_id");
  }

  @Test
  void submit_status_result_walks_a_request_from_in_queue_to_a_downloadable_video() {
    Response s = api().body(INPUT).post(APP);
    s.then().statusCode(200).body("queue_position", equalTo(0))
        .header("x-fal-request-id", equalTo(s.path("request_id")));
    String id = s.path("request_id");
    assertThat(id).as("a UUID, as fal's request ids are")
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat((String) s.path("status_url")).endsWith(APP + "/requests/" + id + "/status");
    api().get(APP + "/requests/" + id + "/status").then().statusCode(200)
        .body("status", equalTo("IN_QUEUE")).body("queue_position", equalTo(0));
    fx.advance("30s");
    api().get(APP + "/requests/" + id + "/status?logs=1").then()
        .body("status", equalTo("IN_PROGRESS")).body("logs[0].level", equalTo("INFO"));
    api().get(APP + "/requests/" + id).then().statusCode(400)
        .body("detail", equalTo("Request is still in progress"));
    fx.advance("5m");
    api().get(APP + "/requests/" + id + "/status").then().body("status", equalTo("COMPLETED"))
        .body("metrics.inference_time", equalTo(60.0f)).body("error", nullValue());
    String url = api().get(APP + "/requests/" + id).then().statusCode(200)
        .body("video.content_type", equalTo("video/mp4")).extract().path("video.url");
    byte[] mp4 = RestAssured.get(url).then().statusCode(200).extract().asByteArray();
    assertThat(new String(mp4, 4, 4)).isEqualTo("ftyp");
    assertThat(fx.balance(SimFixture.ALICE)).isEqualTo("6.80");
  }

  @Test
  void a_subpath_submits_to_the_app_and_status_urls_drop_it() {
    Response s = api().body("{\"prompt\":\"a cat\",\"image_url\":\"https://x/cat.png\"}")
        .post(APP + "/image-to-video");
    s.then().statusCode(200);
    String id = s.path("request_id");
    assertThat((String) s.path("response_url")).endsWith(APP + "/requests/" + id);
    api().get(APP + "/image-to-video/requests/" + id + "/status").then().statusCode(404);
    api().get(APP + "/requests/" + id + "/status").then().statusCode(200);
  }

  @Test
  void queue_positions_count_the_requests_still_queued_ahead() {
    submit();
    submit();
    api().body(INPUT).post(APP).then().body("queue_position", equalTo(2));
  }

  @Test
  void a_failed_generation_is_completed_with_an_error_and_costs_nothing() {
    fx.addFault("{\"when\":{\"endpoint\":\"create\"},\"do\":{\"outcome\":\"error\"}}");
    String id = submit();
    fx.advance("5m");
    api().get(APP + "/requests/" + id + "/status").then().body("status", equalTo("COMPLETED"))
        .body("error", equalTo("the provider failed to render the video"))
        .body("error_type", equalTo("runner_server_error"));
    api().get(APP + "/requests/" + id).then().statusCode(500)
        .header("X-Fal-Error-Type", "runner_server_error")
        .body("error_type", equalTo("runner_server_error"));
    assertThat(fx.balance(SimFixture.ALICE)).isEqualTo("10.00");
  }

  @Test
  void a_content_filtered_result_is_a_422_model_error() {
    fx.addFault("{\"when\":{\"endpoint\":\"create\"},\"do\":{\"outcome\":\"contentFilter\"}}");
    String id = submit();
    fx.advance("5m");
    api().get(APP + "/requests/" + id).then().statusCode(422)
        .body("detail[0].type", equalTo("content_policy_violation"))
        .body("detail[0].loc[1]", equalTo("prompt"));
  }

  @Test
  void cancel_is_requested_while_running_and_refused_once_completed() {
    String id = submit();
    api().put(APP + "/requests/" + id + "/cancel").then().statusCode(202)
        .body("status", equalTo("CANCELLATION_REQUESTED"));
    api().put(APP + "/requests/" + id + "/cancel").then().statusCode(400)
        .body("status", equalTo("ALREADY_COMPLETED"));
    api().get(APP + "/requests/" + id + "/status").then().body("status", equalTo("COMPLETED"))
        .body("error_type", equalTo("client_cancelled"));
    assertThat(fx.balance(SimFixture.ALICE)).isEqualTo("10.00");
  }

  @Test
  void the_proxy_forwards_to_the_route_its_target_url_names_with_the_query() {
    RequestSpecification proxy = api().header("x-fal-target-url",
        "https://queue.fal.run/fal-ai/veo3.1");
    String id = proxy.body(INPUT).post("/proxy").then().statusCode(200).extract()
        .path("request_id");
    api().header("x-fal-target-url", "https://queue.fal.run/fal-ai/veo3.1/requests/" + id
        + "/status?logs=1").get("/proxy").then().statusCode(200)
        .body("status", equalTo("IN_QUEUE"));
    api().header("x-fal-target-url", "https://example.com/x").get("/proxy").then()
        .statusCode(400).body("error_type", equalTo("bad_request"));
    api().get("/proxy").then().statusCode(400);
    api().header("x-fal-target-url", "https://fal.run/fal-ai/veo3.1").body(INPUT)
        .post("/proxy").then().statusCode(404).body("detail", startsWith("no fal route"));
  }

  @Test
  void errors_use_fals_detail_bodies() {
    RestAssured.given().baseUri(fx.server.dialectBaseUrl("fal")).body(INPUT).post(APP).then()
        .statusCode(401).body("detail", startsWith("No credentials"));
    RestAssured.given().baseUri(fx.server.dialectBaseUrl("fal"))
        .header("Authorization", "Bearer " + SimFixture.ALICE).body(INPUT).post(APP).then()
        .statusCode(401);
    api().body(INPUT).post("/queue/fal-ai/nope").then().statusCode(404);
    api().body("{\"prompt\":\"a\",\"colour\":1}").post(APP).then().statusCode(422)
        .body("detail[0].loc[1]", equalTo("colour"));
    api().body("{\"prompt\":\"a\",\"duration\":\"long\"}").post(APP).then().statusCode(422)
        .body("detail[0].loc[1]", equalTo("duration"));
    api().header("x-fal-request-timeout", "1").body(INPUT).post(APP).then().statusCode(400)
        .body("error_type", equalTo("bad_request"));
    api().header("x-fal-queue-priority", "urgent").body(INPUT).post(APP).then().statusCode(400);
    api().get(APP + "/requests/0000/status").then().statusCode(404);
    assertThat(fx.ledgerLines(SimFixture.ALICE)).isEqualTo(1);
  }

  @Test
  void injected_429_and_503_answer_with_fals_bodies() {
    fx.addFault("{\"when\":{\"endpoint\":\"create\",\"nth\":1},\"do\":{\"status\":429}}");
    fx.addFault("{\"when\":{\"endpoint\":\"create\",\"nth\":2},\"do\":{\"status\":503}}");
    api().body(INPUT).post(APP).then().statusCode(429).body("detail", startsWith("rate limit"));
    api().body(INPUT).post(APP).then().statusCode(503)
        .header("X-Fal-Error-Type", "runner_scheduling_failure");
  }

  @Test
  void over_a_queueing_concurrency_limit_requests_wait_in_queue_with_a_falling_position() {
    fx.close();
    try (SimFixture q = SimFixture.of(SimFixture.BASE + MODELS
        + "limits: { concurrentJobs: 1, overLimit: queue }\n")) {
      RequestSpecification api = RestAssured.given().baseUri(q.server.dialectBaseUrl("fal"))
          .header("Authorization", "Key " + SimFixture.ALICE).contentType("application/json");
      String[] ids = new String[3];
      for (int i = 0; i < 3; i++) {
        ids[i] = api.body(INPUT).post(APP).then().statusCode(200).extract().path("request_id");
      }
      q.advance("10s");
      api.get(APP + "/requests/" + ids[0] + "/status").then().body("status",
          equalTo("IN_PROGRESS"));
      api.get(APP + "/requests/" + ids[1] + "/status").then().body("status", equalTo("IN_QUEUE"))
          .body("queue_position", equalTo(0));
      api.get(APP + "/requests/" + ids[2] + "/status").then().body("queue_position", equalTo(1));
      q.advance("60s");
      api.get(APP + "/requests/" + ids[0] + "/status").then().body("status", equalTo("COMPLETED"));
      api.get(APP + "/requests/" + ids[1] + "/status").then().body("status",
          equalTo("IN_PROGRESS"));
      api.get(APP + "/requests/" + ids[2] + "/status").then().body("queue_position", equalTo(0));
      q.advance("5m");
      for (String id : ids) {
        api.get(APP + "/requests/" + id + "/status").then().body("status", equalTo("COMPLETED"))
            .body("error", nullValue());
      }
      assertThat(q.balance(SimFixture.ALICE)).isEqualTo("0.40");
      String journal = q.sim.call(e -> e.journal().toJsonl());
      assertThat(journal).contains("queued_for_slot")
          .doesNotContain("rate_limited");
    }
  }
}
