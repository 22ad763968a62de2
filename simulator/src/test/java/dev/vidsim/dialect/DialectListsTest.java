package dev.vidsim.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.faults.SimFixture;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A provider lists only the jobs created through it, as a real one knows no other's; vidsim's
 * own /v1 list is the simulator's view of the tenant and shows every dialect's jobs.
 */
class DialectListsTest {
  static final String MODEL = """
        - id: acme/clip
          modes: [text-to-video]
          regions: [us-east, eu-west]
          maxSeconds: 8
          defaultSeconds: 4
          pricing: { unit: task, price: "0.10" }
          latency: { queued: 1s, render: 10s }
      """;
  final SimFixture fx = SimFixture.of(SimFixture.BASE + MODEL);

  @AfterEach
  void close() {
    fx.close();
  }

  RequestSpecification at(String dialect, String scheme) {
    return RestAssured.given().baseUri(fx.server.dialectBaseUrl(dialect))
        .header("Authorization", scheme + " " + SimFixture.ALICE).contentType("application/json");
  }

  @Test
  void a_job_created_through_one_provider_is_not_in_anothers_list_but_is_in_vidsims() {
    String openai = at("openai", "Bearer").body("{\"model\":\"acme/clip\",\"prompt\":\"a cat\","
        + "\"seconds\":\"4\"}").post("/videos").then().statusCode(200).extract().path("id");
    String replicate = at("replicate", "Bearer").body("{\"input\":{\"prompt\":\"a dog\"}}")
        .post("/models/acme/clip/predictions").then().statusCode(201).extract().path("id");
    String own = at("vidsim", "Bearer").body("{\"model\":\"acme/clip\",\"prompt\":\"a cow\"}")
        .post("/v1/videos").then().statusCode(201).extract().path("id");

    List<String> openaiList = at("openai", "Bearer").get("/videos").then().statusCode(200)
        .extract().path("data.id");
    List<String> replicateList = at("replicate", "Bearer").get("/predictions").then()
        .statusCode(200).extract().path("results.id");
    List<String> vidsimList = at("vidsim", "Bearer").get("/v1/videos").then().statusCode(200)
        .extract().path("data.id");
    assertThat(openaiList).containsExactly(openai);
    assertThat(replicateList).containsExactly(replicate);
    assertThat(vidsimList).containsExactly(own, replicate, openai);
  }

  @Test
  void another_providers_job_is_no_cursor_in_a_providers_list() {
    String replicate = at("replicate", "Bearer").body("{\"input\":{\"prompt\":\"a dog\"}}")
        .post("/models/acme/clip/predictions").then().statusCode(201).extract().path("id");
    at("openai", "Bearer").get("/videos?after=" + replicate).then().statusCode(400);
  }
}
