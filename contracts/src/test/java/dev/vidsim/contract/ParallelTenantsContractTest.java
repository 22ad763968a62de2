package dev.vidsim.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vidsim.engine.Simulator;
import dev.vidsim.http.VidsimServer;
import dev.vidsim.scenario.ScenarioLoader;
import dev.vidsim.testkit.VidsimAdmin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Many tenants and duplicate idempotent requests at once over HTTP: every tenant's money adds up
 * and each key makes exactly one job.
 */
class ParallelTenantsContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TENANTS = 8;
  private static final int KEYS_PER_TENANT = 10;
  private static final int COPIES_PER_KEY = 3;

  @Test
  void concurrent_duplicates_make_one_job_per_key_and_ledgers_balance() throws Exception {
    try (Simulator sim = new Simulator(ScenarioLoader.builtInDefault());
         VidsimServer server = VidsimServer.start(sim, 0)) {
      VidsimAdmin admin = new VidsimAdmin(server.baseUrl());
      HttpClient http = HttpClient.newHttpClient();
      List<String> keys = new ArrayList<>();
      for (int t = 0; t < TENANTS; t++) keys.add(admin.createTenant("5.00", "free", "us-east")
          .apiKey());
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<Integer>> calls = new ArrayList<>();
      for (String apiKey : keys) {
        for (int k = 0; k < KEYS_PER_TENANT; k++) {
          for (int c = 0; c < COPIES_PER_KEY; c++) {
            String idem = "gen-" + k;
            calls.add(pool.submit(() -> create(http, server.baseUrl(), apiKey, idem)));
          }
        }
      }
      for (Future<Integer> f : calls) assertThat(f.get()).isIn(201, 409);
      pool.shutdown();
      admin.advance(Duration.ofMinutes(10));
      for (String apiKey : keys) {
        JsonNode ledger = admin.ledger(apiKey);
        long topups = 0;
        long spent = 0;
        int jobs = admin.jobs(apiKey).get("data").size();
        for (JsonNode line : ledger.get("data")) {
          long micros = new java.math.BigDecimal(line.get("amount").asText()).movePointRight(6)
              .longValueExact();
          switch (line.get("type").asText()) {
            case "topup" -> topups += micros;
            case "charge", "capture" -> spent += micros;
            case "refund" -> spent -= micros;
            default -> { }
          }
        }
        assertThat(jobs).as("one job per idempotency key for %s", apiKey)
            .isEqualTo(KEYS_PER_TENANT);
        assertThat(spent).isEqualTo(KEYS_PER_TENANT * 350_000L); // clip-video: 0.35 each
        long balance = new java.math.BigDecimal(ledger.get("balance").get("balance").asText())
            .movePointRight(6).longValueExact();
        assertThat(balance).isEqualTo(topups - spent);
        assertThat(ledger.get("balance").get("held").asText()).isEqualTo("0.00");
      }
    }
  }

  private static int create(HttpClient http, String base, String apiKey,
      String idem) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/v1/videos"))
        .header("Authorization", "Bearer " + apiKey).header("Idempotency-Key", idem)
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"clip-video\",\"prompt\":\"" + idem
            + "\"}"))
        .build();
    return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
