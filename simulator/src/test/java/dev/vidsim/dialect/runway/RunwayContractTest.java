package dev.vidsim.dialect.runway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.vidsim.faults.SimFixture;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every route and error of the Runway dialect, over raw HTTP. */
class RunwayContractTest {
  static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}";
  static final String MODELS = """
        - id: gen4.5
          modes: [text-to-video, image-to-video]
          resolutions: ["1280:720", "720:1280", "1104:832", "960:960", "832:1104", "1584:672"]
          regions: [us-east, eu-west]
          minSeconds: 2
          maxSeconds: 10
          defaultSeconds: 5
          pricing:
            unit: credit
            price: "0.01"
            creditsPerSecond: 12
            billOn: create
            onFailure: { error: refund, timeout: refund, contentFilter: refund, cancel: keep }
          latency: { queued: 2s, render: 60s }
        - id: veo3.1
          modes: [text-to-video, image-to-video]
          resolutions: ["1280:720", "720:1280", "1080:1920", "1920:1080"]
          regions: [us-east, eu-west]
          minSeconds: 4
          maxSeconds: 8
          defaultSeconds: 8
          pricing: { unit: credit, price: "0.01", creditsPerSecond: 40, billOn: create }
          latency: { queued: 2s, render: 60s }
      """;
  static final String GEN = "{\"model\":\"gen4.5\",\"promptText\":\"a cat\",\"ratio\":"
      + "\"1280:720\",\"duration\":5}";
  final SimFixture fx = SimFixture.of(SimFixture.BASE + MODELS);

  @AfterEach
  void close() {
    fx.close();
  }

  RequestSpecification api() {
    return RestAssured.given().baseUri(fx.server.dialectBaseUrl("runway"))
        .header("Authorization", "Bearer " + SimFixture.ALICE)
        .header("X-Runway-Version", "2024-11-06").contentType("application/json");
  }

  Response create(String path, String body) {
    return api().body(body).post("/v1/" + path);
  }

  String task(String path, String body) {
    return create(path, body).then().statusCode(200).extract().path("id");
  }

  @Test
  void a_text_to_video_task_runs_pending_running_succeeded_and_its_output_downloads_keyless() {
    create("text_to_video", GEN).then().statusCode(200).body("id", matchesPattern(UUID))
        .body("estimatedCost.credits", equalTo(60));
    String id = fx.sim.call(e -> e.jobs().all().get(0).id());
    String taskId = RunwayWire.taskId(id);
    api().get("/v1/tasks/" + taskId).then().statusCode(200).body("status", equalTo("PENDING"))
        .body("createdAt", matchesPattern("20\\d\\d-.*T.*\\.\\d{3}Z"))
        .body("estimatedCost.credits", equalTo(60)).body("$", not(hasKey("progress")));
    fx.advance("32s");
    api().get("/v1/tasks/" + taskId).then().body("status", equalTo("RUNNING"))
        .body("progress", equalTo(0.5f));
    fx.advance("1m");
    Response done = api().get("/v1/tasks/" + taskId);
    done.then().statusCode(200).body("status", equalTo("SUCCEEDED"))
        .body("cost.credits", equalTo(60)).body("$", not(hasKey("estimatedCost")));
    String output = done.path("output[0]");
    assertThat(output).startsWith("http://").contains("/runway/outputs/" + taskId);
    byte[] mp4 = RestAssured.get(output).then().statusCode(200).contentType("video/mp4")
        .extract().asByteArray();
    assertThat(new String(mp4, 4, 4)).isEqualTo("ftyp");
    // 60 credits at $0.01, charged at create
    assertThat(fx.balance(SimFixture.ALICE)).isEqualTo("9.40");
  }

  @Test
  void image_to_video_takes_a_uri_or_positioned_frames_and_veo_defaults_to_8_seconds() {
    create("image_to_video", "{\"model\":\"gen4.5\",\"promptImage\":\"https://example.com/a.png\""
        + ",\"promptText\":\"move\",\"ratio\":\"960:960\",\"duration\":2}").then()
        .statusCode(200).body("estimatedCost.credits", equalTo(24));
    create("image_to_video", "{\"model\":\"veo3.1\",\"ratio\":\"1920:1080\",\"promptImage\":["
        + "{\"uri\":\"data:image/png;base64,iVBORw0KGgo=\",\"position\":\"first\"},"
        + "{\"uri\":\"https://example.com/b.jpg\",\"position\":\"last\"}]}").then()
        .statusCode(200).body("estimatedCost.credits", equalTo(320));
    assertThat(fx.balance(SimFixture.ALICE)).isEqualTo("6.56");
  }

  @Test
  void the_version_header_is_required_and_the_key_is_a_bearer_token() {
    RestAssured.given().baseUri(fx.server.dialectBaseUrl("runway"))
        .header("Authorization", "Bearer " + SimFixture.ALICE).get("/v1/organization").then()
        .statusCode(400).body("error", containsString("X-Runway-Version"));
    RestAssured.given().baseUri(fx.server.dialectBaseUrl("runway"))
        .header("Authorization", "Bearer " + SimFixture.ALICE)
        .header("X-Runway-Version", "2025-01-01").get("/v1/organization").then()
        .statusCode(400).body("error", containsString("2024-11-06"));
    RestAssured.given().baseUri(fx.server.dialectBaseUrl("runway"))
        .header("X-Runway-Version", "2024-11-06").get("/v1/organization").then()
        .statusCode(401).body("error", containsString("Bearer"));
    RestAssured.given().baseUri(fx.server.dialectBaseUrl("runway"))
        .header("X-Runway-Version", "2024-11-06").header("Authorization", "Bearer sk-nobody")
        .get("/v1/organization").then()
        .statusCode(401).body("error", containsString("unknown API key"));
  }

  @Test
  void bad_input_is_a_400_validation_error_naming_the_field_and_nothing_is_charged() {
    invalid("text_to_video", GEN.replace("gen4.5", "gen5"), "model");
    invalid("text_to_video", GEN.replace("gen4.5", "gen4_turbo"), "model");
    invalid("text_to_video", GEN.replace("1280:720", "1920:1080"), "ratio");
    invalid("text_to_video", GEN.replace("1280:720", "16:9"), "ratio");
    invalid("text_to_video", GEN.replace("\"duration\":5", "\"duration\":11"), "duration");
    invalid("text_to_video", GEN.replace("\"duration\":5", "\"duration\":\"5\""), "duration");
    invalid("text_to_video", GEN.replace(",\"duration\":5", ""), "duration");
    invalid("text_to_video", GEN.replace("\"a cat\"", "\"\""), "promptText");
    invalid("text_to_video", GEN.replace("promptText", "prompt"), "prompt");
    invalid("text_to_video", GEN.replace("}", ",\"seed\":-1}"), "seed");
    invalid("text_to_video", GEN.replace("}", ",\"seed\":1e30}"), "seed");
    invalid("text_to_video", GEN.replace("\"duration\":5", "\"duration\":1e400"), "duration");
    invalid("text_to_video", "{\"model\":\"veo3.1\",\"promptText\":\"a\",\"ratio\":\"1280:720\","
        + "\"duration\":5}", "duration");
    invalid("image_to_video", GEN.replace("}", ",\"promptImage\":\"http://example.com/a.png\"}"),
        "promptImage");
    invalid("image_to_video", GEN, "promptImage");
    create("image_to_video", GEN.replace("}", ",\"promptImage\":[{\"uri\":"
        + "\"https://example.com/a.png\",\"position\":\"last\"}]}")).then().statusCode(400)
        .body("issues[0].path", equalTo(java.util.List.of("promptImage", 0, "position")));
    create("text_to_video", "{\"model\":").then().statusCode(400)
        .body("error", containsString("malformed JSON"));
    assertThat(fx.ledgerLines(SimFixture.ALICE)).isEqualTo(1);
  }

  private void invalid(String path, String body, String field) {
    create(path, body).then().statusCode(400).body("error", equalTo("Validation of body failed"))
        .body("issues[0].path[0]", equalTo(field)).body("issues[0].message", not(nullValue()))
        .body("docUrl", equalTo("https://docs.dev.runwayml.com/api"));
  }

  @Test
  void delete_cancels_an_unfinished_task_and_deletes_a_finished_one() {
    String running = task("text_to_video", GEN);
    api().delete("/v1/tasks/" + running).then().statusCode(204);
    api().get("/v1/tasks/" + running).then().statusCode(200)
        .body("status", equalTo("CANCELLED")).body("cost.credits", equalTo(60));
    api().delete("/v1/tasks/" + running).then().statusCode(204);
    api().get("/v1/tasks/" + running).then().statusCode(404)
        .body("error", containsString("Task not found"));
    api().delete("/v1/tasks/" + running).then().statusCode(404);
    api().get("/v1/tasks/01234567-89ab-4cde-af01-234567012345").then()
        .statusCode(404).body("error", not(nullValue()));
    api().get("/v1/tasks/not-a-uuid").then().statusCode(400).body("error",
        containsString("UUID"));
    // Runway keeps a cancelled task's credits (the scenario's cancel: keep)
    assertThat(fx.balance(SimFixture.ALICE)).isEqualTo("9.40");
  }

  @Test
  void failures_carry_runways_failure_codes_and_are_refunded() {
    fx.addFault("{\"when\":{\"model\":\"gen4.5\",\"nth\":1},\"do\":{\"outcome\":"
        + "\"contentFilter\"}}");
    fx.addFault("{\"when\":{\"model\":\"gen4.5\",\"nth\":2},\"do\":{\"outcome\":\"error\"}}");
    String filtered = task("text_to_video", GEN);
    String failed = task("text_to_video", GEN);
    fx.advance("10m");
    api().get("/v1/tasks/" + filtered).then().body("status", equalTo("FAILED"))
        .body("failureCode", matchesPattern("SAFETY\\.(INPUT|OUTPUT)\\..*"))
        .body("failure", not(nullValue())).body("cost.credits", equalTo(0));
    api().get("/v1/tasks/" + failed).then().body("status", equalTo("FAILED"))
        .body("failureCode", equalTo("INTERNAL.BAD_OUTPUT.CODE01"));
    assertThat(fx.balance(SimFixture.ALICE)).isEqualTo("10.00");
  }
}
