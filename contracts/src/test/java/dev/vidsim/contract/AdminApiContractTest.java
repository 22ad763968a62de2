package dev.vidsim.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.vidsim.junit.VidsimRuntimeInfo;
import dev.vidsim.junit.VidsimTest;
import dev.vidsim.scenario.ScenarioLoader;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The /_sim admin API: clock, tenants, ledger, jobs, journal, scenarios, reset. */
@VidsimTest
class AdminApiContractTest {
  private VidsimRuntimeInfo vidsim;

  @BeforeEach
  void reset(VidsimRuntimeInfo info) {
    vidsim = info;
    admin().post("/_sim/reset").then().statusCode(200).body("status", equalTo("reset"));
  }

  RequestSpecification admin() {
    RequestSpecification r = given().baseUri(vidsim.baseUrl());
    return vidsim.adminToken() == null ? r : r.header("X-Vidsim-Admin-Token", vidsim.adminToken());
  }

  @Test
  void health_names_the_scenario() {
    admin().get("/_sim/health").then().statusCode(200)
        .body("status", equalTo("ok")).body("scenario", equalTo("default"));
  }

  @Test
  void the_clock_reads_advances_and_switches_mode() {
    admin().get("/_sim/clock").then().statusCode(200)
        .body("now", equalTo("2026-01-01T00:00:00Z")).body("mode", equalTo("virtual"));
    admin().body("{\"by\":\"1h30m\"}").post("/_sim/clock/advance").then().statusCode(200)
        .body("now", equalTo("2026-01-01T01:30:00Z"));
    admin().body("{\"to\":\"2026-01-01T02:00:00Z\"}").post("/_sim/clock/advance").then()
        .statusCode(200).body("now", equalTo("2026-01-01T02:00:00Z"));
    admin().body("{\"to\":\"2025-01-01T00:00:00Z\"}").post("/_sim/clock/advance").then()
        .statusCode(400).body("error.message", containsString("past"));
    admin().body("{\"by\":\"ten minutes\"}").post("/_sim/clock/advance").then().statusCode(400)
        .body("error.details.field", equalTo("by"));
    admin().body("{\"mode\":\"accelerated\",\"factor\":60}").post("/_sim/clock").then()
        .statusCode(200).body("mode", equalTo("accelerated")).body("factor", equalTo(60));
    admin().body("{\"by\":\"1m\"}").post("/_sim/clock/advance").then().statusCode(400)
        .body("error.message", containsString("switch it to virtual"));
    admin().body("{\"mode\":\"virtual\"}").post("/_sim/clock").then().body("mode",
        equalTo("virtual"));
    admin().body("{\"mode\":\"sideways\"}").post("/_sim/clock").then().statusCode(400);
  }

  @Test
  void fresh_tenants_have_their_own_key_and_balance() {
    String key = admin().body("{\"balance\":\"3.00\",\"tier\":\"pro\",\"region\":\"eu-west\"}")
        .post("/_sim/tenants").then().statusCode(201)
        .body("apiKey", startsWith("sk-sim-")).body("tier", equalTo("pro"))
        .extract().path("apiKey");
    given().baseUri(vidsim.baseUrl()).header("Authorization", "Bearer " + key)
        .get("/v1/account/balance").then().body("balance", equalTo("3.00"));
    admin().body("{\"amount\":\"2.50\"}").post("/_sim/tenants/" + key + "/topup").then()
        .statusCode(200).body("balance", equalTo("5.50"));
    admin().get("/_sim/tenants").then().body("data.apiKey", hasItem(key));
    admin().body("{\"balance\":\"lots\"}").post("/_sim/tenants").then().statusCode(400)
        .body("error.details.field", equalTo("balance"));
    admin().body("{\"apiKey\":\"sk-test-alice\"}").post("/_sim/tenants").then().statusCode(400)
        .body("error.message", containsString("already exists"));
  }

  @Test
  void jobs_can_be_failed_and_inspected_with_their_ledger_lines() {
    String id = given().baseUri(vidsim.baseUrl()).header("Authorization", "Bearer sk-test-alice")
        .contentType(ContentType.JSON)
            .body("{\"model\":\"studio-credits\",\"prompt\":\"x\",\"seconds\":4}")
        .post("/v1/videos").then().statusCode(201).extract().path("id");
    admin().body("{\"kind\":\"timeout\"}").post("/_sim/jobs/" + id + "/fail").then().statusCode(200)
        .body("status", equalTo("timed_out")).body("charged", equalTo("0.00")); // timeout: refund
    admin().body("{\"kind\":\"timeout\"}").post("/_sim/jobs/" + id + "/fail").then()
        .statusCode(409);
    admin().body("{\"kind\":\"meteor\"}").post("/_sim/jobs/" + id + "/fail").then().statusCode(400);
    admin().queryParam("tenant", "sk-test-alice").get("/_sim/jobs").then()
        .body("data", hasSize(1)).body("data[0].error.code", equalTo("timeout"));
    admin().queryParam("tenant", "sk-test-alice").get("/_sim/ledger").then()
        .body("data.type", equalTo(java.util.List.of("topup", "charge", "refund")))
        .body("data[2].rule", equalTo("timeout refund"));
  }

  @Test
  void the_journal_is_jsonl_with_simulated_timestamps() {
    admin().body("{\"by\":\"5s\"}").post("/_sim/clock/advance");
    String jsonl = admin().get("/_sim/journal").then().statusCode(200)
        .contentType("application/x-ndjson").extract().asString();
    String[] lines = jsonl.split("\n");
    org.assertj.core.api.Assertions.assertThat(lines).hasSizeGreaterThan(3);
    org.assertj.core.api.Assertions.assertThat(lines[0])
        .startsWith("{\"seq\":1,\"t\":\"2026-01-01T00:00:00Z\"");
    org.assertj.core.api.Assertions.assertThat(jsonl).contains("\"kind\":\"request\"",
        "/_sim/clock/advance");
  }

  @Test
  void a_scenario_loads_at_run_time_and_bad_ones_are_located() {
    String yaml = """
        schemaVersion: 1
        name: tiny
        accounts: [{ apiKey: sk-t, balance: "1.00" }]
        models:
          - { id: m, modes: [text-to-video], regions: [r], pricing: { unit: task, price: "0.10" } }
        """;
    admin().body(yaml).post("/_sim/scenario").then().statusCode(200).body("scenario",
        equalTo("tiny"));
    admin().get("/_sim/scenario").then().body("name", equalTo("tiny"));
    given().baseUri(vidsim.baseUrl()).header("Authorization", "Bearer sk-t").get("/v1/models")
        .then().body("data[0].id", equalTo("m"));
    admin().body("schemaVersion: 1\nname: bad\nmodels: []\n").post("/_sim/scenario").then()
        .statusCode(400).body("error.message",
            containsString("request.yaml:3:9: models: expected at least 1 item"));
    admin().get("/_sim/scenario").then().body("name", equalTo("tiny"));
    admin().body(ScenarioLoader.builtInDefault().source()).get("/_sim/schema").then()
        .statusCode(200).body("title", equalTo("vidsim scenario"));
    vidsim.simulator().load(ScenarioLoader.builtInDefault());
  }

  @Test
  void the_admin_api_needs_its_token_when_one_is_set() {
    try (var guarded = dev.vidsim.http.VidsimServer.start(vidsim.simulator(), "127.0.0.1", 0,
        "s3cret")) {
      given().baseUri(guarded.baseUrl()).get("/_sim/health").then().statusCode(200);
      given().baseUri(guarded.baseUrl()).get("/_sim/ledger").then().statusCode(401)
          .body("error.message", containsString("X-Vidsim-Admin-Token"));
      given().baseUri(guarded.baseUrl()).header("X-Vidsim-Admin-Token", "s3cret")
          .get("/_sim/clock").then().statusCode(200).body("mode", equalTo("virtual"));
      // a Prometheus scrape job sends it as a bearer token
      given().baseUri(guarded.baseUrl()).header("Authorization", "Bearer s3cret")
          .get("/_sim/metrics").then().statusCode(200)
          .body(containsString("vidsim_requests_total"));
      given().baseUri(guarded.baseUrl()).header("Authorization", "Bearer s3cre")
          .get("/_sim/metrics").then().statusCode(401);
    }
  }

  @Test
  void the_openapi_document_lists_every_route_the_server_serves() {
    java.util.Map<String, java.util.Map<String, Object>> paths = admin().get("/_sim/openapi.json")
        .then().statusCode(200).body("openapi", equalTo("3.1.0")).extract().path("paths");
    java.util.List<String> documented = paths.entrySet().stream()
        .flatMap(p -> p.getValue().keySet().stream()
            .map(m -> m.toUpperCase() + " " + p.getKey().replaceAll("\\{(\\w+)}", "{$1}")))
        .sorted().toList();
    try (var server = dev.vidsim.http.VidsimServer.start(vidsim.simulator(), 0)) {
      // the OpenAPI document covers vidsim's own API and the admin API; dialects follow theirs
      org.assertj.core.api.Assertions.assertThat(documented).containsExactlyInAnyOrderElementsOf(
          server.routes().stream().filter(r -> r.contains(" /v1/") || r.contains(" /_sim/"))
              .toList());
    }
  }

  @Test
  void absurd_clock_requests_are_400s_and_leave_the_simulator_working() {
    for (String factor : java.util.List.of("1e400", "\"fast\"", "2.7", "0", "10001")) {
      admin().body("{\"mode\":\"accelerated\",\"factor\":" + factor + "}").post("/_sim/clock")
          .then().statusCode(400).body("error.details.field", equalTo("factor"));
    }
    admin().body("{\"to\":\"+1000000000-12-31T23:59:59Z\"}").post("/_sim/clock/advance").then()
        .statusCode(400).body("error.details.field", equalTo("to"));
    admin().body("{\"by\":\"999999999999999999d\"}").post("/_sim/clock/advance").then()
        .statusCode(400).body("error.message", containsString("longer than the maximum 3650d"));
    admin().body("{\"by\":\"1m\"}").post("/_sim/clock/advance").then().statusCode(200)
        .body("now", equalTo("2026-01-01T00:01:00Z"));
  }

  @Test
  void unknown_tenants_are_404_on_admin_reads() {
    admin().queryParam("tenant", "sk-nobody").get("/_sim/ledger").then().statusCode(404)
        .body("error.message", containsString("sk-nobody"));
  }

  @Test
  void the_journal_pages_by_sequence_number_and_says_what_it_dropped() {
    admin().body("{\"by\":\"1s\"}").post("/_sim/clock/advance");
    var all = admin().get("/_sim/journal").then().statusCode(200)
        .header("X-Vidsim-Journal-Dropped", "0").extract();
    long last = Long.parseLong(all.header("X-Vidsim-Journal-Last-Seq"));
    String page = admin().queryParam("after", 2).queryParam("limit", 2).get("/_sim/journal")
        .then().statusCode(200).extract().asString();
    org.assertj.core.api.Assertions.assertThat(page.split("\n")).hasSize(2)
        .satisfies(l -> org.assertj.core.api.Assertions.assertThat(l[0]).startsWith("{\"seq\":3,"));
    org.assertj.core.api.Assertions.assertThat(last).isGreaterThanOrEqualTo(4);
    admin().queryParam("after", "x").get("/_sim/journal").then().statusCode(400);
  }
}
