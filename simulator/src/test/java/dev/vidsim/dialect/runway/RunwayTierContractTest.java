package dev.vidsim.dialect.runway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.vidsim.faults.SimFixture;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Runway dialect's tier: THROTTLED tasks over the concurrency, the daily cap's 429, the
 * organization's balance, limits and usage, and its answers to injected and routing errors.
 */
class RunwayTierContractTest {
  static final String GEN = RunwayContractTest.GEN;
  final SimFixture fx = SimFixture.of(SimFixture.BASE.replace(
      "sk-bob, tier: free, region: eu-west, balance: \"10.00\" }",
      "sk-bob, tier: free, region: eu-west, balance: \"0.50\" }")
      + RunwayContractTest.MODELS
      + "limits: { concurrentJobs: 1, overLimit: queue, createsPerDay: 3 }\n"
      + "dialects: { runway: { maxMonthlyCreditSpend: { free: 50000 } } }\n");

  @AfterEach
  void close() {
    fx.close();
  }

  RequestSpecification api() {
    return as(SimFixture.ALICE);
  }

  RequestSpecification as(String key) {
    return RestAssured.given().baseUri(fx.server.dialectBaseUrl("runway"))
        .header("Authorization", "Bearer " + key)
        .header("X-Runway-Version", "2024-11-06").contentType("application/json");
  }

  String task(String body) {
    return api().body(body).post("/v1/text_to_video").then().statusCode(200).extract().path("id");
  }

  @Test
  void over_the_concurrency_a_task_is_accepted_throttled_and_charged_then_runs_in_turn() {
    String first = task(GEN);
    String second = task(GEN.replace("5}", "10}"));
    fx.advance("3s");
    api().get("/v1/tasks/" + first).then().body("status", equalTo("RUNNING"));
    api().get("/v1/tasks/" + second).then().body("status", equalTo("THROTTLED"))
        .body("estimatedCost.credits", equalTo(120));
    // Runway takes the credits at create, throttled or not: 60 + 120 credits
    assertThat(fx.balance(SimFixture.ALICE)).isEqualTo("8.20");
    fx.advance("60s");
    api().get("/v1/tasks/" + first).then().body("status", equalTo("SUCCEEDED"));
    api().get("/v1/tasks/" + second).then().body("status", equalTo("RUNNING"));
    fx.advance("2m");
    api().get("/v1/tasks/" + second).then().body("status", equalTo("SUCCEEDED"));
  }

  @Test
  void the_organization_shows_credits_tier_limits_and_todays_generations() {
    task(GEN);
    api().get("/v1/organization").then().statusCode(200)
        .body("creditBalance", equalTo(940))
        .body("tier.maxMonthlyCreditSpend", equalTo(50000))
        .body("tier.models.'gen4.5'.maxConcurrentGenerations", equalTo(1))
        .body("tier.models.'gen4.5'.maxDailyGenerations", equalTo(3))
        .body("tier.models.'veo3.1'.maxDailyGenerations", equalTo(3))
        .body("usage.models.'gen4.5'.dailyGenerations", equalTo(1))
        .body("usage.models.'veo3.1'.dailyGenerations", equalTo(0))
        .body("tier.models.'task-1'", nullValue());
    // a tier the scenario does not list reports Runway's Tier 1 cap, $100 in credits
    fx.admin().body("{\"apiKey\":\"sk-pro\",\"tier\":\"pro\",\"region\":\"us-east\","
        + "\"balance\":\"1.00\"}").post("/_sim/tenants").then().statusCode(201);
    as("sk-pro").get("/v1/organization").then().statusCode(200)
        .body("tier.maxMonthlyCreditSpend", equalTo(10000)).body("creditBalance", equalTo(100));
  }

  @Test
  void the_create_over_the_daily_cap_is_a_429_without_rate_limit_headers_and_not_charged() {
    for (int i = 0; i < 3; i++) task(GEN);
    var r = api().body(GEN).post("/v1/text_to_video");
    r.then().statusCode(429).body("error", containsString("daily limit of 3"));
    assertThat(r.getHeader("Retry-After")).isNull();
    assertThat(fx.balance(SimFixture.ALICE)).isEqualTo("8.20");
  }

  @Test
  void injected_errors_no_credit_and_unknown_routes_answer_in_runways_envelope() {
    fx.addFault("{\"when\":{\"endpoint\":\"create\",\"nth\":1},\"do\":{\"status\":429,"
        + "\"retryAfter\":\"2s\"}}");
    fx.addFault("{\"when\":{\"endpoint\":\"get\",\"nth\":1},\"do\":{\"status\":502}}");
    var limited = api().body(GEN).post("/v1/text_to_video");
    limited.then().statusCode(429).body("error", containsString("rate limit"));
    assertThat(limited.getHeader("Retry-After")).isNull();
    String id = task(GEN);
    api().get("/v1/tasks/" + id).then().statusCode(502).body("error", org.hamcrest.Matchers
        .notNullValue());
    as(SimFixture.BOB).body(GEN).post("/v1/text_to_video").then().statusCode(400)
        .body("error", containsString("not have enough credits"));
    api().get("/v1/nowhere").then().statusCode(404).body("error", org.hamcrest.Matchers
        .notNullValue());
    assertThat(fx.balance(SimFixture.BOB)).isEqualTo("0.50");
  }
}
