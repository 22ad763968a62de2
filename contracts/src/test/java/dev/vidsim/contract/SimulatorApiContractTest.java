package dev.vidsim.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.vidsim.junit.VidsimRuntimeInfo;
import dev.vidsim.junit.VidsimTest;
import dev.vidsim.scenario.ScenarioLoader;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** vidsim's own /v1 API against the real server on a free port: success and error paths. */
@VidsimTest
class SimulatorApiContractTest {
  private VidsimRuntimeInfo vidsim;

  @BeforeEach
  void bind(VidsimRuntimeInfo info) {
    vidsim = info; // the extension has reset the simulator for this test
  }

  RequestSpecification as(String key) {
    return given().baseUri(vidsim.baseUrl()).header("Authorization", "Bearer " + key);
  }

  /** The admin API, with the token a container-mode simulator requires. */
  RequestSpecification admin() {
    RequestSpecification r = given().baseUri(vidsim.baseUrl());
    return vidsim.adminToken() == null ? r : r.header("X-Vidsim-Admin-Token", vidsim.adminToken());
  }

  RequestSpecification alice() {
    return as("sk-test-alice");
  }

  String create(String body, String idempotencyKey) {
    RequestSpecification r = alice().contentType(ContentType.JSON).body(body);
    if (idempotencyKey != null) r = r.header("Idempotency-Key", idempotencyKey);
    return r.post("/v1/videos").then().statusCode(201).extract().path("id");
  }

  void advance(String by) {
    admin().body("{\"by\":\"" + by + "\"}")
        .post("/_sim/clock/advance").then().statusCode(200);
  }

  @Test
  void models_are_filtered_by_tier_and_region_and_carry_prices() {
    alice().get("/v1/models").then().statusCode(200)
        .body("object", equalTo("list"))
        .body("data.id", hasItems("reel-1", "studio-credits", "clip-video"))
        .body("data.id", not(hasItems("quick-task")))   // eu-west only
        .body("data.id", not(hasItems("fusion-pro")))   // pro tier only
        .body("data.find { it.id == 'reel-1' }.pricing.unit", equalTo("second"))
        .body("data.find { it.id == 'reel-1' }.pricing.minimumSeconds", equalTo(4));
    as("sk-test-bob").get("/v1/models").then().statusCode(200)
        .body("data.id", hasItems("quick-task", "fusion-pro", "reel-1"));
  }

  @Test
  void text_to_video_create_quotes_the_price_and_holds_it() {
    alice().contentType(ContentType.JSON)
        .body("{\"model\":\"reel-1\",\"prompt\":\"a cat\",\"seconds\":6,\"resolution\":\"1080p\"}")
        .post("/v1/videos").then().statusCode(201)
        .body("id", startsWith("vid_")).body("status", equalTo("queued"))
        .body("mode", equalTo("text-to-video"))
        .body("quote.usage", equalTo("1.80")).body("quote.heldOnCreate", equalTo("1.80"))
        .body("quote.rule", equalTo("6 second x 0.30")).body("charged", equalTo("0.00"));
    alice().get("/v1/account/balance").then().statusCode(200)
        .body("balance", equalTo("10.00")).body("held", equalTo("1.80"))
        .body("available", equalTo("8.20"));
  }

  @Test
  void image_to_video_is_inferred_from_an_image() {
    alice().contentType(ContentType.JSON)
        .body("{\"model\":\"reel-1\",\"prompt\":\"pan\","
            + "\"image\":\"https://example.invalid/a.png\"}")
        .post("/v1/videos").then().statusCode(201).body("mode", equalTo("image-to-video"));
  }

  @Test
  void a_job_completes_on_the_clock_and_the_exact_charge_shows_everywhere() {
    String id = create("{\"model\":\"reel-1\",\"prompt\":\"a cat\",\"seconds\":3}", "gen-1");
    alice().get("/v1/videos/" + id + "/content").then().statusCode(409)
        .body("error.code", equalTo("job_not_ready"));
    advance("3m");
    alice().get("/v1/videos/" + id).then().statusCode(200)
        .body("status", equalTo("succeeded")).body("progress", equalTo(100))
        .body("charged", equalTo("0.40"));                       // 3 s lifted to the 4 s minimum
    alice().get("/v1/account/balance").then().body("balance", equalTo("9.60"));
    alice().get("/v1/account/usage").then().statusCode(200)
        .body("spent", equalTo("0.40")).body("jobs[0].id", equalTo(id))
        .body("jobs[0].charged", equalTo("0.40")).body("models[0].model", equalTo("reel-1"));
    admin().queryParam("tenant", "sk-test-alice").get("/_sim/ledger")
        .then().statusCode(200).body("data.type", equalTo(java.util.List.of("topup", "hold",
            "capture")))
        .body("data[2].amount", equalTo("0.40"));
    byte[] mp4 = alice().get("/v1/videos/" + id + "/content").then().statusCode(200)
        .contentType("video/mp4").extract().asByteArray();
    org.assertj.core.api.Assertions.assertThat(new String(mp4, 4, 4)).isEqualTo("ftyp");
  }

  @Test
  void content_expires_after_its_ttl() {
    String id = create("{\"model\":\"clip-video\",\"prompt\":\"x\"}", null);
    advance("2m");
    advance("1h");
    alice().get("/v1/videos/" + id + "/content").then().statusCode(404)
        .body("error.code", equalTo("content_expired"));
    alice().get("/v1/videos/" + id).then().body("status", equalTo("expired"));
  }

  @Test
  void list_filters_by_status_and_idempotency_key() {
    create("{\"model\":\"clip-video\",\"prompt\":\"a\"}", "one");
    create("{\"model\":\"clip-video\",\"prompt\":\"b\"}", "two");
    alice().get("/v1/videos").then().statusCode(200).body("data", hasSize(2))
        .body("data[0].idempotencyKey", equalTo("two"));
    alice().queryParam("idempotency_key", "one").get("/v1/videos").then()
        .body("data", hasSize(1)).body("data[0].prompt", equalTo("a"));
    alice().queryParam("status", "succeeded").get("/v1/videos").then().body("data", hasSize(0));
    alice().queryParam("status", "done").get("/v1/videos").then().statusCode(400)
        .body("error.details.field", equalTo("status"));
    alice().queryParam("limit", "500").get("/v1/videos").then().statusCode(400)
        .body("error.message", containsString("limit"));
  }

  @Test
  void cancel_settles_by_policy_and_cannot_repeat() {
    String id = create("{\"model\":\"studio-credits\",\"prompt\":\"x\",\"seconds\":4}", null);
    alice().post("/v1/videos/" + id + "/cancel").then().statusCode(200)
        .body("status", equalTo("cancelled")).body("charged", equalTo("0.20")); // cancel: keep
    alice().post("/v1/videos/" + id + "/cancel").then().statusCode(409)
        .body("error.code", equalTo("job_not_cancellable"));
  }

  @Test
  void idempotency_key_replays_and_rejects_another_body() {
    String body = "{\"model\":\"studio-credits\",\"prompt\":\"x\",\"seconds\":4}";
    String id = create(body, "same");
    alice().contentType(ContentType.JSON).header("Idempotency-Key", "same").body(body)
        .post("/v1/videos").then().statusCode(201).body("id", equalTo(id));
    alice().contentType(ContentType.JSON).header("Idempotency-Key", "same")
        .body("{\"model\":\"studio-credits\",\"prompt\":\"y\",\"seconds\":4}")
        .post("/v1/videos").then().statusCode(422)
        .body("error.code", equalTo("idempotency_key_reused"));
    alice().get("/v1/account/usage").then().body("spent", equalTo("0.20"));
  }

  @Test
  void bad_requests_are_4xx_with_the_field_named_never_500() {
    String[][] cases = {
        {"{bad json", "body"},
        {"[1,2]", "body"},
        {"{\"model\":\"reel-1\"}", "prompt"},
        {"{\"model\":\"reel-1\",\"prompt\":\"x\",\"seconds\":\"eight\"}", "seconds"},
        {"{\"model\":\"reel-1\",\"prompt\":\"x\",\"seconds\":99}", "seconds"},
        {"{\"model\":\"reel-1\",\"prompt\":\"x\",\"resolution\":\"8k\"}", "resolution"},
        {"{\"model\":\"reel-1\",\"prompt\":\"x\",\"secnds\":4}", "secnds"},
        {"{\"model\":42,\"prompt\":\"x\"}", "model"},
        {"{\"model\":\"clip-video\",\"prompt\":\"x\",\"mode\":\"image-to-video\"}", "mode"},
        {"{\"model\":\"reel-1\",\"prompt\":\"x\",\"seconds\":1e400}", "seconds"},
        {"{\"model\":\"reel-1\",\"prompt\":\"x\",\"seconds\":4.0000001}", "seconds"},
        {"{\"model\":\"reel-1\",\"model\":\"clip-video\",\"prompt\":\"x\"}", "body"},
    };
    for (String[] c : cases) {
      alice().contentType(ContentType.JSON).body(c[0]).post("/v1/videos").then()
          .statusCode(400).body("error.code", equalTo("invalid_request"))
          .body("error.details.field", equalTo(c[1]));
    }
    alice().get("/v1/account/usage").then().body("spent", equalTo("0.00"));
  }

  @Test
  void unknown_models_and_unavailable_ones_say_what_to_use() {
    alice().contentType(ContentType.JSON).body("{\"model\":\"sora-9\",\"prompt\":\"x\"}")
        .post("/v1/videos").then().statusCode(404).body("error.code", equalTo("model_not_found"))
        .body("error.message", containsString("reel-1"));
    alice().contentType(ContentType.JSON).body("{\"model\":\"fusion-pro\",\"prompt\":\"x\"}")
        .post("/v1/videos").then().statusCode(403);
    alice().contentType(ContentType.JSON).body("{\"model\":\"quick-task\",\"prompt\":\"x\"}")
        .post("/v1/videos").then().statusCode(503).body("error.code",
            equalTo("region_unavailable"));
  }

  @Test
  void insufficient_balance_is_402_and_leaves_the_ledger_untouched() {
    String key = admin().body("{\"balance\":\"0.10\"}")
        .post("/_sim/tenants").then().statusCode(201).extract().path("apiKey");
    as(key).contentType(ContentType.JSON).body("{\"model\":\"reel-1\",\"prompt\":\"x\"}")
        .post("/v1/videos").then().statusCode(402)
        .body("error.code", equalTo("insufficient_balance"))
        .body("error.details.needed", equalTo("0.80"));
    admin().queryParam("tenant", key).get("/_sim/ledger").then()
        .body("data.type", equalTo(java.util.List.of("topup")));
  }

  @Test
  void missing_or_unknown_keys_are_401() {
    given().baseUri(vidsim.baseUrl()).get("/v1/models").then().statusCode(401)
        .body("error.message", containsString("Authorization: Bearer"));
    as("sk-wrong").get("/v1/account/balance").then().statusCode(401)
        .body("error.code", equalTo("unauthorized"));
  }

  @Test
  void unknown_jobs_and_routes_are_404_in_the_error_envelope() {
    alice().get("/v1/videos/vid_nope").then().statusCode(404).body("error.code",
        equalTo("not_found"));
    alice().get("/v1/nothing").then().statusCode(404).body("error.message",
        containsString("no route"));
    alice().delete("/v1/videos").then().statusCode(405).body("error.code",
        equalTo("invalid_request"));
  }

  @Test
  void every_error_uses_one_envelope() {
    alice().get("/v1/videos/vid_nope").then().body("error.keySet()", everyItem(
        org.hamcrest.Matchers.in(java.util.List.of("code", "message", "details"))));
  }
}
