package dev.vidsim.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.faults.SimFixture;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A job the provider ends unfinished ({@code outcome: expired}) is settled by
 * {@code onFailure.expired} and shown in each dialect's own words.
 */
class ExpiredOutcomeDialectsTest {
  private final SimFixture sim = SimFixture.of("""
      schemaVersion: 1
      name: expired-everywhere
      accounts:
        - { apiKey: sk-a, region: us-east, balance: "10.00" }
      models:
        - id: clip
          modes: [text-to-video]
          regions: [us-east]
          maxSeconds: 8
          defaultSeconds: 8
          pricing: { unit: task, price: "0.50", onFailure: { expired: partial:20 } }
          latency: { queued: 1s, render: 5m }
        - id: acme/clip
          modes: [text-to-video]
          regions: [us-east]
          maxSeconds: 8
          defaultSeconds: 8
          pricing: { unit: task, price: "0.50", onFailure: { expired: partial:20 } }
          latency: { queued: 1s, render: 5m }
      faults:
        - { when: { endpoint: create }, do: { outcome: expired, after: 2m } }
      """);

  @AfterEach
  void close() {
    sim.close();
  }

  private RequestSpecification as(String header, String value) {
    return RestAssured.given().baseUri(sim.server.baseUrl()).header(header, value)
        .contentType("application/json");
  }

  private RequestSpecification bearer() {
    return as("Authorization", "Bearer sk-a");
  }

  @Test
  void every_dialect_names_the_expired_job_its_own_way_and_onfailure_expired_settles_it() {
    String vidsim = bearer().body("{\"model\":\"clip\",\"prompt\":\"a\"}").post("/v1/videos")
        .then().statusCode(201).extract().path("id");
    String openai = bearer().body("{\"model\":\"clip\",\"prompt\":\"a\",\"seconds\":\"8\"}")
        .post("/openai/v1/videos").then().statusCode(200).extract().path("id");
    String gemini = as("x-goog-api-key", "sk-a").body("{\"instances\":[{\"prompt\":\"a\"}]}")
        .post("/gemini/v1beta/models/clip:predictLongRunning").then().statusCode(200)
        .extract().path("name");
    String replicate = bearer().body("{\"input\":{\"prompt\":\"a\"}}")
        .post("/replicate/v1/models/acme/clip/predictions").then().statusCode(201)
        .extract().path("id");
    String fal = as("Authorization", "Key sk-a").body("{\"prompt\":\"a\"}")
        .post("/fal/queue/acme/clip").then().statusCode(200).extract().path("status_url");
    sim.advance("3m");

    JsonPath v = bearer().get("/v1/videos/" + vidsim).jsonPath();
    assertThat(v.getString("status")).isEqualTo("expired");
    assertThat(v.getString("error.code")).isEqualTo("expired");
    assertThat(v.getString("charged")).isEqualTo("0.10"); // partial:20 of 0.50 kept
    JsonPath o = bearer().get("/openai/v1/videos/" + openai).jsonPath();
    assertThat(o.getString("status")).isEqualTo("failed");
    assertThat(o.getString("error.code")).isEqualTo("video_expired");
    JsonPath g = as("x-goog-api-key", "sk-a").get("/gemini/v1beta/" + gemini).jsonPath();
    assertThat(g.getBoolean("done")).isTrue();
    assertThat(g.getString("error.status")).isEqualTo("ABORTED");
    assertThat(bearer().get("/replicate/v1/predictions/" + replicate).jsonPath()
        .getString("status")).isEqualTo("aborted");
    JsonPath f = as("Authorization", "Key sk-a").get(fal.substring(fal.indexOf("/fal/")))
        .jsonPath();
    assertThat(f.getString("status")).isEqualTo("COMPLETED");
    assertThat(f.getString("error_type")).isEqualTo("request_expired");
    // five jobs, each charged 0.50 at create and refunded 0.40 when it expired
    assertThat(sim.balance("sk-a")).isEqualTo("9.50");
  }
}
