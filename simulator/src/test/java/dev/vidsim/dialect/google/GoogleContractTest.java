package dev.vidsim.dialect.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.vidsim.faults.SimFixture;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every route and error of the Gemini API and Vertex dialects, over raw HTTP. */
class GoogleContractTest {
  static final String VEO = """
        - id: veo-3.1-generate-preview
          modes: [text-to-video, image-to-video]
          resolutions: [720p, 1080p]
          regions: [us-east, eu-west]
          minSeconds: 4
          maxSeconds: 8
          defaultSeconds: 8
          pricing: { unit: second, price: "0.40", billOn: delivery }
          latency: { queued: 1s, render: 60s }
      """;
  static final String BODY = "{\"instances\":[{\"prompt\":\"a cat\"}],"
      + "\"parameters\":{\"durationSeconds\":8,\"resolution\":\"720p\"}}";
  final SimFixture fx = SimFixture.of(SimFixture.BASE + VEO);

  @AfterEach
  void close() {
    fx.close();
  }

  RequestSpecification gemini() {
    return RestAssured.given().baseUri(fx.server.dialectBaseUrl("gemini"))
        .header("x-goog-api-key", SimFixture.ALICE).contentType("application/json");
  }

  RequestSpecification vertex() {
    return RestAssured.given().baseUri(fx.server.dialectBaseUrl("vertex"))
        .header("x-goog-api-key", SimFixture.ALICE).contentType("application/json");
  }

  String create() {
    return gemini().body(BODY).post("/v1beta/models/veo-3.1-generate-preview:predictLongRunning")
        .then().statusCode(200).extract().path("name");
  }

  @Test
  void gemini_creates_an_operation_polls_it_and_downloads_the_file() {
    String name = create();
    assertThat(name).matches("models/veo-3\\.1-generate-preview/operations/[a-z0-9]+");
    gemini().get("/v1beta/" + name).then().statusCode(200).body("done", nullValue());
    fx.advance("5m");
    String uri = gemini().get("/v1beta/" + name).then().statusCode(200)
        .body("done", equalTo(true))
        .extract().path("response.generateVideoResponse.generatedSamples[0].video.uri");
    assertThat(uri).matches("https://[^/]+/v1beta/files/[a-z0-9]+:download\\?alt=media");
    String file = uri.replaceAll(".*/files/([a-z0-9]+):download.*", "$1");
    byte[] mp4 = gemini().get("/v1/files/" + file + ":download?alt=media").then()
        .statusCode(200).contentType("video/mp4").extract().asByteArray();
    assertThat(new String(mp4, 4, 4)).isEqualTo("ftyp");
    assertThat(fx.balance(SimFixture.ALICE)).isEqualTo("6.80");
  }

  @Test
  void gemini_lists_video_models_with_predict_long_running_under_v1_and_v1beta() {
    for (String v : new String[] {"v1", "v1beta"}) {
      gemini().get("/" + v + "/models").then().statusCode(200)
          .body("models.name", hasItem("models/veo-3.1-generate-preview"))
          .body("models[0].supportedGenerationMethods", hasItem("predictLongRunning"));
    }
  }

  @Test
  void the_key_may_come_in_the_query_and_a_missing_key_is_unauthenticated() {
    RestAssured.given().baseUri(fx.server.dialectBaseUrl("gemini"))
        .get("/v1beta/models?key=" + SimFixture.ALICE).then().statusCode(200);
    RestAssured.given().baseUri(fx.server.dialectBaseUrl("gemini")).get("/v1beta/models")
        .then().statusCode(401).body("error.status", equalTo("UNAUTHENTICATED"))
        .body("error.code", equalTo(401));
  }

  @Test
  void bad_input_is_invalid_argument_naming_the_field() {
    gemini().body("{\"instances\":[{\"prompt\":\"a\",\"colour\":1}]}")
        .post("/v1beta/models/veo-3.1-generate-preview:predictLongRunning").then()
        .statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"))
        .body("error.details[0].fieldViolations[0].field", equalTo("instances[0].colour"));
    gemini().body("{\"instances\":[{\"prompt\":\"a\"}],\"parameters\":{\"durationSeconds\":6.5}}")
        .post("/v1beta/models/veo-3.1-generate-preview:predictLongRunning").then()
        .statusCode(400).body("error.details[0].fieldViolations[0].field",
            equalTo("parameters.durationSeconds"));
    assertThat(fx.ledgerLines(SimFixture.ALICE)).isEqualTo(1);
  }

  @Test
  void an_unknown_model_is_not_found_and_an_unknown_path_too() {
    gemini().body(BODY).post("/v1beta/models/veo-9:predictLongRunning").then()
        .statusCode(404).body("error.status", equalTo("NOT_FOUND"));
    gemini().get("/v1beta/tunedModels").then().statusCode(404)
        .body("error.status", equalTo("NOT_FOUND"));
  }

  @Test
  void a_429_fault_is_resource_exhausted_with_retry_info() {
    fx.addFault("{\"when\":{\"endpoint\":\"create\"},\"do\":{\"status\":429,"
        + "\"retryAfter\":\"30s\"}}");
    gemini().body(BODY).post("/v1beta/models/veo-3.1-generate-preview:predictLongRunning")
        .then().statusCode(429).header("Retry-After", "30")
        .body("error.status", equalTo("RESOURCE_EXHAUSTED"));
  }

  @Test
  void a_content_filtered_video_is_a_done_operation_with_rai_counts_and_no_sample() {
    fx.addFault("{\"when\":{\"endpoint\":\"create\"},\"do\":{\"outcome\":\"contentFilter\"}}");
    String name = create();
    fx.advance("5m");
    gemini().get("/v1beta/" + name).then().body("done", equalTo(true))
        .body("response.generateVideoResponse.raiMediaFilteredCount", equalTo(1))
        .body("response.generateVideoResponse.generatedSamples", nullValue());
  }

  @Test
  void vertex_polls_with_fetch_predict_operation_and_answers_failures_as_rpc_status() {
    fx.addFault("{\"when\":{\"endpoint\":\"create\"},\"do\":{\"outcome\":\"timeout\","
        + "\"after\":\"2m\"}}");
    String name = vertex().body(BODY).post("/v1beta1/projects/p/locations/us-central1/publishers"
        + "/google/models/veo-3.1-generate-preview:predictLongRunning").then().statusCode(200)
        .extract().path("name");
    assertThat(name).startsWith("projects/p/locations/us-central1/publishers/google/models/");
    fx.advance("5m");
    String resource = name.substring(0, name.indexOf("/operations/"));
    vertex().body("{\"operationName\":\"" + name + "\"}")
        .post("/v1beta1/" + resource + ":fetchPredictOperation").then().statusCode(200)
        .body("done", equalTo(true)).body("error.status", equalTo("DEADLINE_EXCEEDED"))
        .body("error.code", equalTo(4));
  }

  @Test
  void vertex_refuses_webhook_config_and_lists_publisher_models() {
    vertex().body("{\"instances\":[{\"prompt\":\"a\"}],\"webhookConfig\":{\"uris\":[\"x\"]}}")
        .post("/v1beta1/publishers/google/models/veo-3.1-generate-preview:predictLongRunning")
        .then().statusCode(400).body("error.details[0].fieldViolations[0].field",
            equalTo("webhookConfig"));
    vertex().get("/v1beta1/publishers/google/models").then().statusCode(200)
        .body("publisherModels.name", hasItem(startsWith("publishers/google/models/veo")));
  }

  @Test
  void a_webhook_config_gets_a_signed_video_generated_event_naming_the_operation()
      throws Exception {
    try (var receiver = new dev.vidsim.check.HookReceiver()) {
      String name = gemini().body("{\"instances\":[{\"prompt\":\"a cat\"}],"
          + "\"webhookConfig\":{\"uris\":[\"" + receiver.url() + "\"],"
          + "\"userMetadata\":{\"order\":\"42\"}}}")
          .post("/v1beta/models/veo-3.1-generate-preview:predictLongRunning").then()
          .statusCode(200).extract().path("name");
      fx.advance("5m");
      var got = receiver.deliveries();
      assertThat(got).hasSize(1);
      String secret = fx.as(SimFixture.ALICE).get("/v1/webhooks/secret").then().extract()
          .path("key");
      assertThat(got.get(0).signature()).isEqualTo(dev.vidsim.webhooks.WebhookDeliveryTest
          .expectedSignature(secret, got.get(0).id(), got.get(0).timestamp(), got.get(0).body()));
      var event = dev.vidsim.http.Json.MAPPER.readTree(got.get(0).body());
      assertThat(event.get("type").asText()).isEqualTo("video.generated");
      assertThat(event.path("data").path("id").asText()).isEqualTo(name);
      assertThat(event.path("data").path("succeeded").asBoolean()).isTrue();
      assertThat(event.path("user_metadata").path("order").asText()).isEqualTo("42");
    }
  }

  @Test
  void a_wrong_auth_scheme_is_unauthenticated() {
    RestAssured.given().baseUri(fx.server.dialectBaseUrl("vertex"))
        .header("Authorization", "Basic abc").get("/v1beta1/publishers/google/models")
        .then().statusCode(401).body("error.message", matchesPattern(".*Bearer.*"));
  }
}
