package com.example;

// readme:start
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.junit.VidsimRuntimeInfo;
import dev.vidsim.junit.VidsimTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

// a scenario from vidsim-scenarios: one price per task (0.50), charged on create
@VidsimTest(scenario = "scenarios/pricing/unit-task.yaml", tenantBalance = "5.00")
class FirstVidsimTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void a_task_is_charged_once_on_create(VidsimRuntimeInfo vidsim) throws Exception {
    // vidsim.apiKey(): this test's own tenant, opening balance 5.00 (tenantBalance above)
    HttpRequest create = HttpRequest.newBuilder(URI.create(vidsim.url("/v1/videos")))
        .header("Authorization", "Bearer " + vidsim.apiKey())
        .header("Idempotency-Key", "first-1")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"model\":\"per-task\",\"prompt\":\"a cat surfing\"}"))
        .build();
    HttpResponse<String> created = http.send(create, HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(201);

    vidsim.advance(Duration.ofMinutes(3)); // simulated time: returns at once, the job is done

    JsonNode ledger = vidsim.admin().ledger(vidsim.apiKey());
    assertThat(ledger.get("data")).extracting(line -> line.get("type").asText())
        .containsExactly("topup", "charge");
    assertThat(ledger.at("/balance/balance").asText()).isEqualTo("4.50");
  } // after each test the extension checks vidsim's billing invariants on the journal
}
