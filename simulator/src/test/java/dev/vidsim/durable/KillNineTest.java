package dev.vidsim.durable;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator as its own process, {@code kill -9}ed in the middle of a concurrent load (creates
 * with idempotency keys, polls, clock advances, ledger reads), then started again on the same
 * directory, several times: what any client was told is there, exactly once.
 */
class KillNineTest {
  static final int CYCLES = 3;
  static final int WORKERS = 4;
  /** Acknowledged creates per cycle before the kill (the load goes on while it dies). */
  static final int CREATES_BEFORE_KILL = 40;
  static final List<String> TENANTS = List.of("sk-load-0", "sk-load-1");
  static final BigDecimal OPENING = new BigDecimal("10000.00");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  @TempDir
  Path dir;
  /** Idempotency key → the create's body and the job id the client was given. */
  private final Map<String, Acked> acked = new ConcurrentHashMap<>();
  /** Per tenant, the last ledger a client read (every line in it was told). */
  private final Map<String, JsonNode> ledgerSeen = new ConcurrentHashMap<>();

  record Acked(String tenant, String body, String id) {}

  @Test
  void every_acknowledged_create_and_ledger_line_survives_kill_9_exactly_once() throws Exception {
    try (SimProcess sim = SimProcess.start(dir)) {
      for (String t : TENANTS) {
        assertThat(post(sim.url("/_sim/tenants"), null, null,
            "{\"apiKey\":\"" + t + "\",\"balance\":\"" + OPENING + "\"}").statusCode())
            .isEqualTo(201);
      }
      run(sim, 0);
    }
    for (int cycle = 1; cycle <= CYCLES; cycle++) {
      try (SimProcess sim = SimProcess.start(dir)) {
        assertThat(sim.banner()).contains("resumed scenario default");
        verify(sim);
        if (cycle < CYCLES) run(sim, cycle);
      }
    }
    assertThat(acked).hasSizeGreaterThanOrEqualTo(CYCLES * CREATES_BEFORE_KILL);
  }

  /** Load until enough creates were acknowledged, then kill -9 while the load goes on. */
  private void run(SimProcess sim, int cycle) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    int before = acked.size();
    CountDownLatch enough = new CountDownLatch(CREATES_BEFORE_KILL);
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 1);
    for (int w = 0; w < WORKERS; w++) {
      int worker = w;
      pool.submit(() -> createAndPoll(sim, cycle, worker, stop, enough));
    }
    pool.submit(() -> advanceAndReadLedgers(sim, stop));
    enough.await(90, TimeUnit.SECONDS);
    sim.kill();
    stop.set(true);
    pool.shutdown();
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    assertThat(acked.size() - before).isGreaterThanOrEqualTo(CREATES_BEFORE_KILL);
  }

  private void createAndPoll(SimProcess sim, int cycle, int worker, AtomicBoolean stop,
                             CountDownLatch enough) {
    String tenant = TENANTS.get(worker % TENANTS.size());
    List<String> mine = new ArrayList<>();
    for (int i = 0; !stop.get() && i < 10_000; i++) {
      String key = "c" + cycle + "-w" + worker + "-" + i;
      String body = "{\"model\":\"reel-1\",\"prompt\":\"" + key + "\",\"seconds\":"
          + (4 + i % 8) + "}";
      try {
        HttpResponse<String> r = post(sim.url("/v1/videos"), tenant, key, body);
        if (r.statusCode() == 201) {
          String id = JSON.readTree(r.body()).path("id").asText();
          acked.put(key, new Acked(tenant, body, id));
          mine.add(id);
          enough.countDown();
        }
        if (!mine.isEmpty()) get(sim.url("/v1/videos/" + mine.get(i % mine.size())), tenant);
      } catch (Exception e) {
        return; // the process is gone: what was not answered was never acknowledged
      }
    }
  }

  private void advanceAndReadLedgers(SimProcess sim, AtomicBoolean stop) {
    while (!stop.get()) {
      try {
        post(sim.url("/_sim/clock/advance"), null, null, "{\"by\":\"7s\"}");
        for (String t : TENANTS) {
          HttpResponse<String> r = get(sim.url("/_sim/ledger?tenant=" + t), null);
          if (r.statusCode() == 200) ledgerSeen.put(t, JSON.readTree(r.body()));
        }
      } catch (Exception e) {
        return;
      }
    }
  }

  private void verify(SimProcess sim) throws Exception {
    JsonNode log = JSON.readTree(get(sim.url("/_sim/health"), null).body()).path("bounds")
        .path("log");
    assertThat(log.path("fsync").asText()).isEqualTo("always");
    assertThat(log.path("bytes").asLong()).isPositive().isLessThan(log.path("max").asLong());
    Map<String, List<JsonNode>> jobsByKey = new HashMap<>();
    for (JsonNode j : JSON.readTree(get(sim.url("/_sim/jobs"), null).body()).path("data")) {
      jobsByKey.computeIfAbsent(j.path("idempotencyKey").asText(), k -> new ArrayList<>()).add(j);
    }
    for (var a : acked.entrySet()) {
      assertThat(jobsByKey.get(a.getKey())).as("jobs of acknowledged key " + a.getKey())
          .hasSize(1).first().satisfies(j -> {
            assertThat(j.path("id").asText()).isEqualTo(a.getValue().id());
            assertThat(j.path("tenant").asText()).isEqualTo(a.getValue().tenant());
          });
    }
    for (String t : TENANTS) verifyLedger(sim, t);
    // the jobs still running at the kill go on: the clock finishes every one of them
    post(sim.url("/_sim/clock/advance"), null, null, "{\"by\":\"30m\"}");
    for (JsonNode j : JSON.readTree(get(sim.url("/_sim/jobs"), null).body()).path("data")) {
      // succeeded, or expired when its content's hour has passed in an earlier cycle
      assertThat(j.path("status").asText()).as(j.path("id").asText())
          .isIn("succeeded", "expired");
    }
    // a client that never saw an answer retries with its key: the same job, no second charge
    Map<String, Integer> lines = new HashMap<>();
    for (String t : TENANTS) lines.put(t, ledger(sim, t).path("data").size());
    for (var a : acked.entrySet()) {
      HttpResponse<String> r = post(sim.url("/v1/videos"), a.getValue().tenant(), a.getKey(),
          a.getValue().body());
      assertThat(r.statusCode()).isEqualTo(201);
      assertThat(JSON.readTree(r.body()).path("id").asText()).isEqualTo(a.getValue().id());
    }
    for (String t : TENANTS) {
      assertThat(ledger(sim, t).path("data").size()).isEqualTo(lines.get(t));
    }
  }

  private void verifyLedger(SimProcess sim, String tenant) throws Exception {
    JsonNode now = ledger(sim, tenant);
    Set<Long> seqs = new HashSet<>();
    Map<Long, JsonNode> bySeq = new HashMap<>();
    Set<String> holds = new HashSet<>();
    for (JsonNode e : now.path("data")) {
      assertThat(seqs.add(e.path("seq").asLong())).as("ledger seq once").isTrue();
      bySeq.put(e.path("seq").asLong(), e);
      if (e.path("type").asText().equals("hold")) {
        assertThat(holds.add(e.path("job").asText())).as("one hold per job").isTrue();
      }
    }
    JsonNode seen = ledgerSeen.get(tenant);
    if (seen != null) {
      for (JsonNode e : seen.path("data")) {
        assertThat(bySeq.get(e.path("seq").asLong())).as("ledger line a client saw").isEqualTo(e);
      }
    }
    JsonNode balance = JSON.readTree(get(sim.url("/v1/account/balance"), tenant).body());
    BigDecimal kept = new BigDecimal(balance.path("balance").asText())
        .add(new BigDecimal(balance.path("spent").asText()));
    assertThat(kept).as("balance + spent = the opening topup").isEqualByComparingTo(OPENING);
    assertThat(new BigDecimal(balance.path("available").asText())).isNotNegative();
  }

  private JsonNode ledger(SimProcess sim, String tenant) throws Exception {
    return JSON.readTree(get(sim.url("/_sim/ledger?tenant=" + tenant), null).body());
  }

  private HttpResponse<String> post(URI uri, String key, String idem, String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) b.header("Authorization", "Bearer " + key);
    if (idem != null) b.header("Idempotency-Key", idem);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(URI uri, String key) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
    if (key != null) b.header("Authorization", "Bearer " + key);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
