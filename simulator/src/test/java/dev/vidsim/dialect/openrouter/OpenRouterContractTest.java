package dev.vidsim.dialect.openrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.vidsim.check.HookReceiver;
import dev.vidsim.faults.SimFixture;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every route and error of the OpenRouter dialect, over raw HTTP. */
class OpenRouterContractTest {
  static final String POOLS = """
        - id: veo-3.1-generate-001
          modes: [text-to-video, image-to-video]
          resolutions: [720p, 1080p, 4k]
          regions: [us-east, eu-west]
          minSeconds: 4
          maxSeconds: 8
          pricing: { unit: second, price: "0.40", billOn: delivery,
                     prices: [ { resolution: 4k, price: "0.60" } ] }
          latency: { queued: 2s, render: 60s }
        - id: fal-ai/veo3.1
          modes: [text-to-video, image-to-video]
          resolutions: [720p, 1080p, 4k]
          regions: [us-east, eu-west]
          minSeconds: 4
          maxSeconds: 8
          pricing: { unit: second, price: "0.50", billOn: delivery }
          latency: { queued: 2s, render: 60s }
      aggregators:
        openrouter:
          markupPercent: "5.5"
          models:
            - id: google/veo-3.1
              upstreams:
                - { provider: google-vertex, model: veo-3.1-generate-001 }
                - { provider: fal, model: fal-ai/veo3.1 }
      """;
  static final String CREATE = "{\"model\":\"google/veo-3.1\",\"prompt\":\"a cat\","
      + "\"duration\":8,\"resolution\":\"720p\"}";
  final SimFixture fx = SimFixture.of(SimFixture.BASE + POOLS);

  @AfterEach
  void close() {
    fx.close();
  }

  RequestSpecification api() {
    return RestAssured.given().baseUri(fx.server.dialectBaseUrl("openrouter"))
        .header("Authorization", "Bearer " + SimFixture.ALICE).contentType("application/json");
  }

  Response create(String body) {
    return api().body(body).post("/videos");
  }

  String created(String body) {
    return create(body).then().statusCode(202).extract().path("id");
  }

  @Test
  void a_video_goes_pending_in_progress_completed_and_its_content_downloads() {
    String id = create(CREATE).then().statusCode(202).body("status", equalTo("pending"))
        .extract().path("id");
    assertThat(id).matches("gen-vid-\\d+-[0-9a-f]{24}");
    api().get("/videos/" + id).then().body("polling_url", equalTo(fx.server
        .dialectBaseUrl("openrouter") + "/videos/" + id));
    fx.advance("30s");
    api().get("/videos/" + id).then().body("status", equalTo("in_progress"))
        .body("usage", nullValue()).body("provider", equalTo("google-vertex"));
    fx.advance("5m");
    Response done = api().get("/videos/" + id);
    // 8 s x 0.40 = 3.20 upstream, + 5.5% markup = 3.376
    done.then().statusCode(200).body("status", equalTo("completed"))
        .body("usage.cost", equalTo(3.376f)).body("usage.is_byok", equalTo(false))
        .body("generation_id", equalTo(id)).body("model", equalTo("google/veo-3.1"))
        .body("unsigned_urls[0]", equalTo(fx.server.dialectBaseUrl("openrouter") + "/videos/"
            + id + "/content?index=0"));
    byte[] mp4 = api().get("/videos/" + id + "/content?index=0").then().statusCode(200)
        .contentType("video/mp4").extract().asByteArray();
    assertThat(new String(mp4, 4, 4)).isEqualTo("ftyp");
    String signed = done.path("urls[0]");
    RestAssured.get(signed).then().statusCode(200).contentType("video/mp4");
    assertThat(fx.balance(SimFixture.ALICE)).isEqualTo("6.624");
  }

  @Test
  void an_outage_of_the_first_upstream_falls_back_and_the_ledger_shows_the_extra_cost() {
    fx.addFault("{\"when\":{\"upstream\":\"google-vertex\"},\"do\":{\"status\":503}}");
    String id = create(CREATE).then().statusCode(202).body("provider", equalTo("fal"))
        .extract().path("id");
    fx.advance("5m");
    // 8 s x 0.50 = 4.00, + 5.5% = 4.22: 0.844 more than the first choice
    api().get("/videos/" + id).then().body("usage.cost", equalTo(4.22f));
    fx.admin().get("/_sim/ledger?tenant=" + SimFixture.ALICE).then()
        .body("data.rule", hasItems("via fal fal-ai/veo3.1: 8 second x 0.50 + 5.5% markup"
            + " on delivery"));
    String journal = fx.admin().get("/_sim/journal").asString();
    assertThat(journal.lines().filter(l -> l.contains("\"kind\":\"upstream\"")).toList())
        .satisfiesExactly(
            l -> assertThat(l).contains("\"provider\":\"google-vertex\"")
                .contains("\"outcome\":\"failed\"").contains("\"status\":503"),
            l -> assertThat(l).contains("\"provider\":\"fal\"").contains("\"outcome\":\"ran\"")
                .contains("\"fallbackExtra\":\"0.844\""));
    fx.as(SimFixture.ALICE).get("/v1/account/usage").then()
        .body("jobs[0].route.provider", equalTo("fal"))
        .body("jobs[0].route.fallbackExtra", equalTo("0.844"))
        .body("jobs[0].route.attempts.outcome", equalTo(List.of("failed", "ran")));
  }

  @Test
  void when_every_upstream_fails_the_answer_is_a_502_and_nothing_is_charged() {
    fx.addFault("{\"when\":{\"upstream\":\"google-vertex\"},\"do\":{\"status\":503}}");
    fx.addFault("{\"when\":{\"upstream\":\"fal\"},\"do\":{\"drop\":true}}");
    create(CREATE).then().statusCode(502).body("error.code", equalTo(502))
        .body("error.message", startsWith("every provider of google/veo-3.1 failed"))
        .body("error.metadata.attempts", equalTo("google-vertex:failed 503, fal:failed"));
    assertThat(fx.ledgerLines(SimFixture.ALICE)).isEqualTo(1);
  }

  @Test
  void bad_input_is_a_400_naming_the_field_in_openrouters_envelope() {
    create(CREATE.replace("720p", "5K")).then().statusCode(400).body("error.code", equalTo(400))
        .body("error.metadata.field", equalTo("resolution"));
    create(CREATE.replace("8,", "\"8\",")).then().statusCode(400)
        .body("error.metadata.field", equalTo("duration"));
    create(CREATE.replace("}", ",\"colour\":\"red\"}")).then().statusCode(400)
        .body("error.metadata.field", equalTo("colour"));
    create("{\"model\":").then().statusCode(400).body("error.message", startsWith("body: "));
    create(CREATE.replace("}", ",\"frame_images\":[{\"type\":\"image_url\",\"image_url\":"
        + "{\"url\":\"data:image/png;base64,AA\"},\"frame_type\":\"middle\"}]}")).then()
        .statusCode(400).body("error.metadata.field", equalTo("frame_images[0].frame_type"));
    // the SDK types seed as z.int(): any safe integer passes, a fraction or a string does not
    create(CREATE.replace("}", ",\"seed\":843098407}")).then().statusCode(202);
    create(CREATE.replace("}", ",\"seed\":1.5}")).then().statusCode(400)
        .body("error.metadata.field", equalTo("seed"));
    create(CREATE.replace("}", ",\"seed\":\"7\"}")).then().statusCode(400)
        .body("error.metadata.field", equalTo("seed"));
    // a duration no upstream renders: the first upstream's own 400
    create(CREATE.replace("8,", "12,")).then().statusCode(400)
        .body("error.metadata.field", equalTo("seconds"));
    assertThat(fx.ledgerLines(SimFixture.ALICE)).isEqualTo(2);
  }

  @Test
  void auth_unknown_model_and_unknown_job_are_401_404_404() {
    RestAssured.given().baseUri(fx.server.dialectBaseUrl("openrouter"))
        .contentType("application/json").body(CREATE).post("/videos").then().statusCode(401)
        .body("error.code", equalTo(401));
    RestAssured.given().baseUri(fx.server.dialectBaseUrl("openrouter"))
        .header("Authorization", "Key " + SimFixture.ALICE).get("/videos/models").then()
        .statusCode(401);
    create(CREATE.replace("google/veo-3.1", "veo-3.1-generate-001")).then().statusCode(404)
        .body("error.message", startsWith("model 'veo-3.1-generate-001' does not exist on"
            + " openrouter"));
    api().get("/videos/gen-vid-1-nope").then().statusCode(404).body("error.code", equalTo(404));
  }

  @Test
  void content_is_409_until_completed_400_for_another_index_and_410_once_expired() {
    String id = created(CREATE);
    api().get("/videos/" + id + "/content").then().statusCode(409).body("error.code",
        equalTo(409));
    fx.advance("5m");
    api().get("/videos/" + id + "/content?index=1").then().statusCode(400)
        .body("error.metadata.field", equalTo("index"));
    api().get("/videos/" + id + "/content").then().statusCode(200);
    fx.advance("2h");
    api().get("/videos/" + id).then().body("status", equalTo("expired"));
    api().get("/videos/" + id + "/content?index=0").then().statusCode(410);
  }

  @Test
  void continuing_a_job_needs_it_completed() {
    String first = created(CREATE);
    create(CREATE.replace("}", ",\"previous_job_id\":\"" + first + "\"}")).then()
        .statusCode(409).body("error.metadata.field", equalTo("previous_job_id"))
        .body("error.message", startsWith("previous_job_id " + first + " is pending"));
    create(CREATE.replace("}", ",\"previous_job_id\":\"gen-vid-0-x\"}")).then().statusCode(404);
    fx.advance("5m");
    create(CREATE.replace("}", ",\"previous_job_id\":\"" + first + "\"}")).then()
        .statusCode(202);
  }

  @Test
  void the_model_list_shows_capabilities_and_marked_up_prices() {
    api().get("/videos/models").then().statusCode(200)
        .body("data.id", equalTo(List.of("google/veo-3.1")))
        .body("data[0].supported_resolutions", equalTo(List.of("720p", "1080p", "4K")))
        .body("data[0].supported_durations", equalTo(List.of(4, 5, 6, 7, 8)))
        .body("data[0].pricing_skus.'per-video-second'", equalTo("0.422"))
        .body("data[0].pricing_skus.'per-video-second-4k'", equalTo("0.633"))
        .body("data[0].providers", equalTo(List.of("google-vertex", "fal")));
    // public, as OpenRouter's list is
    RestAssured.given().baseUri(fx.server.dialectBaseUrl("openrouter")).get("/videos/models")
        .then().statusCode(200).body("data.id", equalTo(List.of("google/veo-3.1")));
  }

  @Test
  void a_rate_limit_is_429_with_retry_after() {
    fx.addFault("{\"when\":{\"endpoint\":\"create\"},\"do\":{\"status\":429,"
        + "\"retryAfter\":\"20s\"}}");
    create(CREATE).then().statusCode(429).header("Retry-After", "20")
        .body("error.code", equalTo(429));
  }

  @Test
  void a_failed_generation_says_why_and_costs_nothing() {
    fx.addFault("{\"when\":{\"upstream\":\"google-vertex\"},\"do\":{\"outcome\":\"error\"}}");
    String id = created(CREATE);
    fx.advance("5m");
    api().get("/videos/" + id).then().body("status", equalTo("failed"))
        .body("error", equalTo("the provider failed to render the video"))
        .body("usage.cost", equalTo(0));
  }

  /** An independent HMAC-SHA256, hex, as a receiver computes it. */
  static String hmacHex(String secret, String message) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(
        java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
    return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(
        java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void the_callback_gets_a_signed_video_generation_completed_event() throws Exception {
    try (HookReceiver receiver = new HookReceiver()) {
      String id = created(CREATE.replace("}", ",\"callback_url\":\"" + receiver.url() + "\"}"));
      fx.advance("5m");
      assertThat(receiver.deliveries()).hasSize(1);
      HookReceiver.Delivery d = receiver.deliveries().get(0);
      assertThat(d.body()).startsWith("{\"type\":\"video.generation.completed\"")
          .contains("\"id\":\"" + id + "\"").contains("\"status\":\"completed\"");
      assertThat(d.header("X-OpenRouter-Idempotency-Key")).isEqualTo(id + "-completed");
      String secret = fx.as(SimFixture.ALICE).get("/v1/webhooks/secret").path("key");
      String sig = d.header("X-OpenRouter-Signature");
      String t = sig.substring(2, sig.indexOf(','));
      assertThat(sig).isEqualTo("t=" + t + ",v1=" + hmacHex(secret, t + "," + d.body()));
      assertThat(sig).matches("t=\\d+,v1=[0-9a-f]{64}");
    }
  }
}
