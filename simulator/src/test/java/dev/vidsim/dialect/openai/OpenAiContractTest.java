package dev.vidsim.dialect.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.vidsim.faults.SimFixture;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every route and error of the OpenAI-compatible dialect, over raw HTTP. */
class OpenAiContractTest {
  static final String MODELS = """
        - id: sora-2
          modes: [text-to-video, image-to-video]
          resolutions: [720x1280, 1280x720]
          regions: [us-east, eu-west]
          minSeconds: 4
          maxSeconds: 12
          defaultSeconds: 4
          pricing: { unit: second, price: "0.10", billOn: delivery }
          latency: { queued: 1s, render: 60s }
      """;
  final SimFixture fx = SimFixture.of(SimFixture.BASE + MODELS);

  @AfterEach
  void close() {
    fx.close();
  }

  RequestSpecification openai(String key) {
    return RestAssured.given().baseUri(fx.server.dialectBaseUrl("openai"))
        .header("Authorization", "Bearer " + key);
  }

  String createJson(String body) {
    return openai(SimFixture.ALICE).contentType("application/json").body(body).post("/videos")
        .then().statusCode(200).extract().path("id");
  }

  @Test
  void a_json_create_answers_the_full_video_object_with_every_field() {
    openai(SimFixture.ALICE).contentType("application/json")
        .body("{\"model\":\"sora-2\",\"prompt\":\"a cat\",\"seconds\":\"8\",\"size\":\"1280x720\"}")
        .post("/videos").then().statusCode(200)
        .header("x-request-id", startsWith("req_"))
        .body("id", startsWith("video_")).body("object", equalTo("video"))
        .body("status", equalTo("queued")).body("progress", equalTo(0))
        .body("seconds", equalTo("8")).body("size", equalTo("1280x720"))
        .body("created_at", instanceOf(Integer.class))
        .body("$", hasKey("completed_at")).body("completed_at", nullValue())
        .body("$", hasKey("expires_at")).body("$", hasKey("remixed_from_video_id"))
        .body("error", nullValue());
  }

  @Test
  void a_multipart_create_with_an_image_url_is_image_to_video() {
    String id = openai(SimFixture.ALICE).multiPart("prompt", "a cat")
        .multiPart("model", "sora-2").multiPart("input_reference[image_url]", "https://x/y.png")
        .post("/videos").then().statusCode(200).extract().path("id");
    String mode = fx.sim.call(e -> e.jobs().all().get(0).mode());
    assertThat(mode).isEqualTo("image-to-video");
    assertThat(id).startsWith("video_");
  }

  @Test
  void seconds_as_a_number_or_a_fraction_is_a_400_naming_the_field() {
    openai(SimFixture.ALICE).contentType("application/json")
        .body("{\"model\":\"sora-2\",\"prompt\":\"a\",\"seconds\":8}").post("/videos")
        .then().statusCode(400).body("error.param", equalTo("seconds"))
        .body("error.type", equalTo("invalid_request_error"));
    openai(SimFixture.ALICE).multiPart("prompt", "a").multiPart("seconds", "6.5")
        .post("/videos").then().statusCode(400).body("error.param", equalTo("seconds"));
    assertThat(fx.ledgerLines(SimFixture.ALICE)).isEqualTo(1);
  }

  @Test
  void unknown_fields_and_malformed_multipart_are_400s_not_500s() {
    openai(SimFixture.ALICE).contentType("application/json")
        .body("{\"prompt\":\"a\",\"quality\":\"hd\"}").post("/videos")
        .then().statusCode(400).body("error.param", equalTo("quality"));
    openai(SimFixture.ALICE).contentType("multipart/form-data; boundary=xyz")
        .body("--xyz\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\na cat"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/videos").then().statusCode(400).body("error.param", equalTo("body"));
  }

  @Test
  void auth_is_bearer_only_with_openais_401s() {
    RestAssured.given().baseUri(fx.server.dialectBaseUrl("openai")).get("/videos")
        .then().statusCode(401).body("error.message", startsWith("You didn't provide an API key"));
    RestAssured.given().baseUri(fx.server.dialectBaseUrl("openai"))
        .header("Authorization", SimFixture.ALICE).get("/videos")
        .then().statusCode(401).body("error.code", equalTo("invalid_api_key"));
    openai("sk-nobody").get("/videos").then().statusCode(401)
        .body("error.code", equalTo("invalid_api_key"));
  }

  @Test
  void get_list_delete_and_content_follow_the_job_through_its_life() {
    String id = createJson("{\"prompt\":\"a cat\",\"model\":\"sora-2\"}");
    openai(SimFixture.ALICE).get("/videos/" + id + "/content").then().statusCode(400)
        .body("error.code", equalTo("video_not_ready"));
    fx.advance("5m");
    openai(SimFixture.ALICE).get("/videos/" + id).then().statusCode(200)
        .body("status", equalTo("completed")).body("progress", equalTo(100));
    openai(SimFixture.ALICE).get("/videos/" + id + "/content").then().statusCode(200)
        .contentType("video/mp4");
    openai(SimFixture.ALICE).get("/videos/" + id + "/content?variant=spritesheet").then()
        .statusCode(200).contentType("image/jpeg");
    openai(SimFixture.ALICE).get("/videos/" + id + "/content?variant=gif").then()
        .statusCode(400).body("error.param", equalTo("variant"));
    openai(SimFixture.ALICE).get("/videos?limit=1").then().statusCode(200)
        .body("object", equalTo("list")).body("first_id", equalTo(id))
        .body("last_id", equalTo(id)).body("has_more", equalTo(false));
    openai(SimFixture.ALICE).delete("/videos/" + id).then().statusCode(200)
        .body("object", equalTo("video.deleted")).body("deleted", equalTo(true));
    openai(SimFixture.ALICE).get("/videos/" + id).then().statusCode(404)
        .body("error.type", equalTo("invalid_request_error"));
    List<String> ids = openai(SimFixture.ALICE).get("/videos").then().extract().path("data.id");
    assertThat(ids).isEmpty();
  }

  @Test
  void deleting_a_running_video_cancels_it_under_the_cancel_policy() {
    String id = createJson("{\"prompt\":\"a cat\",\"model\":\"sora-2\"}");
    openai(SimFixture.ALICE).delete("/videos/" + id).then().statusCode(200);
    String status = fx.sim.call(e -> e.jobs().all().get(0).status().wireName());
    assertThat(status).isEqualTo("cancelled");
    assertThat(fx.balance(SimFixture.ALICE)).isEqualTo("10.00");
  }

  @Test
  void no_balance_is_openais_429_insufficient_quota_and_no_charge() {
    fx.sim.run(e -> e.createTenant("sk-poor", "free", "us-east", dev.vidsim.money.Money.ZERO));
    openai("sk-poor").contentType("application/json").body("{\"prompt\":\"a\"}")
        .post("/videos").then().statusCode(429).body("error.code", equalTo("insufficient_quota"))
        .body("error.type", equalTo("insufficient_quota"));
  }

  @Test
  void rate_limits_send_openais_headers_and_a_429_rate_limit_exceeded() {
    fx.sim.run(e -> e.setLimits(SimFixture.ALICE,
        new dev.vidsim.limits.LimitSpec(2, null, null, null)));
    openai(SimFixture.ALICE).get("/videos").then().statusCode(200)
        .header("x-ratelimit-limit-requests", "2").header("x-ratelimit-remaining-requests", "1")
        .header("x-ratelimit-reset-requests", matchesPattern("\\d+s"));
    openai(SimFixture.ALICE).get("/videos").then().statusCode(200);
    openai(SimFixture.ALICE).get("/videos").then().statusCode(429)
        .header("retry-after", matchesPattern("\\d+"))
        .body("error.code", equalTo("rate_limit_exceeded")).body("error.type",
            equalTo("requests"));
  }

  @Test
  void an_unknown_route_under_the_dialect_answers_in_openais_envelope() {
    openai(SimFixture.ALICE).get("/images").then().statusCode(404)
        .body("error.type", equalTo("invalid_request_error"));
  }

  @Test
  void an_unfinished_job_the_provider_expires_is_failed_video_expired_by_default() {
    fx.addFault("{\"when\":{\"endpoint\":\"create\"},\"do\":{\"outcome\":\"expired\","
        + "\"after\":\"30s\"}}");
    String id = createJson("{\"prompt\":\"a cat\",\"model\":\"sora-2\"}");
    fx.advance("1m");
    openai(SimFixture.ALICE).get("/videos/" + id).then().body("status", equalTo("failed"))
        .body("error.code", equalTo("video_expired"));
    assertThat(fx.balance(SimFixture.ALICE)).as("refunded by default").isEqualTo("10.00");
  }

  @Test
  void the_expired_status_is_shown_only_when_the_scenario_asks_for_it() {
    String id = createJson("{\"prompt\":\"a cat\",\"model\":\"sora-2\"}");
    fx.advance("25h");
    openai(SimFixture.ALICE).get("/videos/" + id).then().body("status", equalTo("completed"));
    try (SimFixture loud = SimFixture.of(SimFixture.BASE + MODELS
        + "dialects: { openai: { emitExpired: true } }\n")) {
      String other = RestAssured.given().baseUri(loud.server.dialectBaseUrl("openai"))
          .header("Authorization", "Bearer " + SimFixture.ALICE).contentType("application/json")
          .body("{\"prompt\":\"a\",\"model\":\"sora-2\"}").post("/videos").then()
          .extract().path("id");
      loud.advance("25h");
      RestAssured.given().baseUri(loud.server.dialectBaseUrl("openai"))
          .header("Authorization", "Bearer " + SimFixture.ALICE).get("/videos/" + other)
          .then().body("status", equalTo("expired"));
    }
  }
}
