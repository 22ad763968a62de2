package dev.vidsim.http.console;

import static dev.vidsim.http.console.ConsoleFixture.ALICE;
import static dev.vidsim.http.console.ConsoleFixture.BOB;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON the dashboard reads: summary cards, signed ledger, request log, one job's detail. */
class ConsoleApiTest {
  private static ConsoleFixture f;

  @BeforeAll
  static void start() throws Exception {
    f = new ConsoleFixture().populate();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  @Test
  void the_summary_adds_up_a_tenants_money_jobs_failures_retries_and_spend_per_model() {
    f.admin().get("/_sim/summary?tenant=" + ALICE).then().statusCode(200)
        .body("balance", equalTo("7.70")).body("held", equalTo("0.80"))
        .body("available", equalTo("6.90")).body("spent", equalTo("2.30"))
        .body("jobs.total", equalTo(7)).body("jobs.expired", equalTo(2))
        .body("jobs.queued", equalTo(1)).body("jobs.in_progress", equalTo(1))
        .body("jobs.cancelled", equalTo(0))
        // C failed and D timed out; A and B expired only after delivering
        .body("failureRate.failed", equalTo(2)).body("failureRate.ended", equalTo(5))
        .body("failureRate.percent", equalTo("40.0"))
        .body("requests", equalTo(8)).body("errors", equalTo(1)).body("sdkRetries", equalTo(1))
        .body("webhookAttempts", equalTo(2)).body("webhookFailures", equalTo(1))
        .body("spendByModel.model", contains("per-second", "task-1"))
        .body("spendByModel.total", contains("0.80", "1.50"))
        // task-1: A charged, C charged then refunded, F and H charged
        .body("spendByModel[1].points.total", contains("0.50", "1.00", "0.50", "1.00", "1.50"))
        .body("spendByModel[1].points[3].at", equalTo("2026-01-01T00:33:00Z"));
    f.admin().get("/_sim/summary").then().statusCode(200).body("balance", equalTo("12.20"))
        .body("jobs.total", equalTo(8)).body("jobs.cancelled", equalTo(1));
    f.admin().get("/_sim/summary?tenant=sk-nobody").then().statusCode(404);
  }

  @Test
  void ledger_lines_are_signed_with_the_tenants_running_balance_and_held_amount() {
    f.admin().get("/_sim/ledger?tenant=" + ALICE).then().statusCode(200)
        .body("data.type", contains("topup", "charge", "hold", "capture", "charge", "refund",
            "hold", "release", "charge", "hold", "charge"))
        .body("data.balanceChange", contains("10.00", "-0.50", "0.00", "-0.80", "-0.50",
            "0.50", "0.00", "0.00", "-0.50", "0.00", "-0.50"))
        .body("data.heldChange", contains("0.00", "0.00", "0.80", "-0.80", "0.00", "0.00",
            "0.80", "-0.80", "0.00", "0.80", "0.00"))
        .body("data.balanceAfter", contains("10.00", "9.50", "9.50", "8.70", "8.20", "8.70",
            "8.70", "8.70", "8.20", "8.20", "7.70"))
        .body("data[-1].heldAfter", equalTo("0.80"))
        .body("data[-1].availableAfter", equalTo("6.90"));
    // all tenants at once: each line's running totals are still its own tenant's
    f.admin().get("/_sim/ledger").then().body("data.find { it.tenant == 'sk-bob' && "
        + "it.type == 'charge' }.balanceAfter", equalTo("4.50"));
  }

  @Test
  void the_request_log_names_tenant_dialect_endpoint_status_error_code_and_sdk_retries() {
    f.admin().get("/_sim/requests?tenant=" + BOB).then().statusCode(200)
        .body("total", equalTo(3)).body("data.endpoint", contains("balance", "cancel", "create"))
        .body("data.status", contains(503, 200, 201))
        .body("data[0].errorCode", equalTo("region_unavailable"))
        .body("data[0].dialect", equalTo("vidsim")).body("data[0].tenant", equalTo(BOB))
        .body("data[2].created", hasSize(1));
    f.admin().get("/_sim/requests?tenant=" + ALICE + "&limit=3").then()
        .body("total", equalTo(8)).body("data.sdkRetry", contains(0, 0, 1))
        .body("data.model", contains("task-1", "per-second", "task-1"));
    f.admin().get("/_sim/requests?tenant=" + ALICE).then()
        .body("data.find { it.sdkRetry == 1 }.created", hasSize(1))
        .body("data.find { it.status == 404 }.errorCode", equalTo("model_not_found"));
    f.admin().get("/_sim/requests?limit=0").then().statusCode(400)
        .body("error.details.field", equalTo("limit"));
  }

  @Test
  void the_log_reads_new_lines_as_they_come_and_starts_over_after_a_reset() throws Exception {
    try (ConsoleFixture fresh = new ConsoleFixture()) {
      fresh.create(ALICE, "task-1", "one", null);
      fresh.admin().get("/_sim/requests?tenant=" + ALICE).then().body("total", equalTo(1));
      fresh.as(ALICE).header("X-Stainless-Retry-Count", "2")
          .body("{\"model\":\"task-1\",\"prompt\":\"two\"}").post("/v1/videos").then()
          .statusCode(201);
      fresh.admin().get("/_sim/requests?tenant=" + ALICE).then().body("total", equalTo(2))
          .body("data.sdkRetry", contains(2, 0)).body("data.status", contains(201, 201));
      fresh.admin().get("/_sim/summary?tenant=" + ALICE).then().body("sdkRetries", equalTo(1));
      fresh.admin().post("/_sim/reset").then().statusCode(200);
      fresh.admin().get("/_sim/requests").then().body("total", equalTo(0));
    }
  }

  @Test
  void a_jobs_detail_has_its_timeline_ledger_lines_requests_and_webhook_attempts() {
    String b = f.admin().get("/_sim/jobs?tenant=" + ALICE).then().extract()
        .path("data.find { it.model == 'per-second' }.id");
    f.admin().get("/_sim/jobs/" + b).then().statusCode(200).body("status", equalTo("expired"))
        .body("timeline.to", contains("queued", "in_progress", "succeeded", "expired"))
        .body("timeline[2].at", equalTo("2026-01-01T00:01:02Z"))
        .body("ledger.type", contains("hold", "capture"))
        .body("ledger[1].balanceAfter", equalTo("8.70"))
        .body("requests.endpoint", contains("create"))
        .body("webhooks.status", contains(500, 200))
        .body("webhooks[0].url", startsWith("http://127.0.0.1:"));
    f.admin().get("/_sim/jobs/vid_nope").then().statusCode(404)
        .body("error.details.field", equalTo("id"));
  }
}
