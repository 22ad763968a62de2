package dev.vidsim.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Synchronous models: create waits for the job; a client timeout does not stop the charge. */
class SyncModelTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final SimFixture sim = SimFixture.of(SimFixture.BASE + """
        - id: sync-1
          modes: [text-to-video]
          regions: [us-east]
          sync: true
          syncWait: 2m
          pricing: { unit: task, price: "0.30" }
          latency: { queued: 1s, render: 59s }
        - id: sync-slow
          modes: [text-to-video]
          regions: [us-east]
          sync: true
          syncWait: 30s
          pricing: { unit: task, price: "0.30" }
          latency: { queued: 1s, render: 5m }
      """);

  @AfterEach
  void close() {
    sim.close();
  }

  private CompletableFuture<HttpResponse<String>> createAsync(String model, String key,
                                                              Duration timeout) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.server.baseUrl() + "/v1/videos"))
        .header("Authorization", "Bearer " + SimFixture.ALICE).timeout(timeout)
        .POST(HttpRequest.BodyPublishers.ofString(SimFixture.create(model)));
    if (key != null) b.header("Idempotency-Key", key);
    return HTTP.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Waits (real time, bounded) until the held create has reached the engine. */
  private void awaitJobs(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (sim.admin().get("/_sim/jobs").then().extract().<Integer>path("data.size()") < count) {
      assertThat(System.nanoTime()).as("create never arrived").isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(5);
    }
  }

  @Test
  void a_sync_create_answers_once_the_job_has_ended() throws Exception {
    var response = createAsync("sync-1", null, Duration.ofSeconds(30));
    awaitJobs(1);
    assertThat(response).isNotDone();
    sim.advance("1m");
    HttpResponse<String> r = response.get(10, TimeUnit.SECONDS);
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.body()).contains("\"status\":\"succeeded\"", "\"charged\":\"0.30\"");
  }

  @Test
  void the_catalog_says_which_models_are_synchronous() {
    sim.as(SimFixture.ALICE).get("/v1/models").then()
        .body("data.find { it.id == 'sync-slow' }.sync", equalTo(true))
        .body("data.find { it.id == 'sync-slow' }.syncWaitSeconds", equalTo(30))
        .body("data.find { it.id == 'task-1' }.sync", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void past_the_wait_limit_it_answers_with_the_job_still_running() throws Exception {
    var response = createAsync("sync-slow", null, Duration.ofSeconds(30));
    awaitJobs(1);
    sim.advance("30s");
    assertThat(response.get(10, TimeUnit.SECONDS).body()).contains("\"status\":\"in_progress\"");
  }

  @Test
  void a_client_read_timeout_does_not_stop_the_job_or_its_charge() throws Exception {
    // long enough for the request to arrive on a loaded machine (at 200 ms it sometimes timed
    // out before, and no job was made); held on the virtual clock, it times out all the same
    var response = createAsync("sync-1", "gen-1", Duration.ofSeconds(2));
    awaitJobs(1);
    assertThatThrownBy(() -> response.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(HttpTimeoutException.class);
    sim.advance("1m");
    sim.as(SimFixture.ALICE).get("/v1/videos?idempotency_key=gen-1").then()
        .body("data.size()", equalTo(1)).body("data[0].status", equalTo("succeeded"))
        .body("data[0].charged", equalTo("0.30"));
    assertThat(sim.balance(SimFixture.ALICE)).isEqualTo("9.70");
  }

  @Test
  void a_reset_answers_a_held_create_instead_of_leaving_it_hanging() throws Exception {
    var response = createAsync("sync-1", null, Duration.ofSeconds(30));
    awaitJobs(1);
    sim.admin().post("/_sim/reset").then().statusCode(200);
    HttpResponse<String> r = response.get(10, TimeUnit.SECONDS);
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.body()).contains("\"status\":\"queued\"");
  }

  @Test
  void the_same_key_while_the_first_create_waits_is_409_and_afterwards_a_free_replay()
      throws Exception {
    var first = createAsync("sync-1", "gen-2", Duration.ofSeconds(30));
    awaitJobs(1);
    sim.as(SimFixture.ALICE).header("Idempotency-Key", "gen-2").body(SimFixture.create("sync-1"))
        .post("/v1/videos").then().statusCode(409)
        .body("error.code", equalTo("idempotency_in_flight"));
    sim.advance("1m");
    assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
    sim.as(SimFixture.ALICE).header("Idempotency-Key", "gen-2").body(SimFixture.create("sync-1"))
        .post("/v1/videos").then().statusCode(201).body("status", equalTo("succeeded"));
    assertThat(sim.balance(SimFixture.ALICE)).isEqualTo("9.70");
  }

  @Test
  void while_a_create_is_held_its_key_looks_up_nothing_and_afterwards_the_job() throws Exception {
    var first = createAsync("sync-1", "gen-3", Duration.ofSeconds(30));
    awaitJobs(1);
    sim.as(SimFixture.ALICE).get("/v1/videos?idempotency_key=gen-3").then().statusCode(200)
        .body("data.size()", equalTo(0));
    sim.advance("1m");
    assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
    sim.as(SimFixture.ALICE).get("/v1/videos?idempotency_key=gen-3").then()
        .body("data.size()", equalTo(1)).body("data[0].status", equalTo("succeeded"));
  }

  @Test
  void each_answer_in_the_journal_names_its_own_request_when_a_later_one_answers_first()
      throws Exception {
    var first = createAsync("sync-1", "gen-4", Duration.ofSeconds(30));
    awaitJobs(1);
    sim.as(SimFixture.ALICE).header("Idempotency-Key", "gen-4").body(SimFixture.create("sync-1"))
        .post("/v1/videos").then().statusCode(409);
    sim.advance("1m");
    assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);

    var lines = sim.sim.call(e -> e.journal().lines(k -> true)).stream()
        .map(l -> io.restassured.path.json.JsonPath.from(l)).toList();
    var requests = lines.stream().filter(l -> l.getString("kind").equals("request")
        && l.getString("path").equals("/v1/videos")).toList();
    long held = requests.get(0).getLong("seq");
    long conflict = requests.get(1).getLong("seq");
    assertThat(lines).filteredOn(l -> l.getString("kind").equals("response")
            && List.of(held, conflict).contains(l.getLong("req")))
        .extracting(l -> l.getLong("req") + ":" + l.getInt("status"))
        .containsExactly(conflict + ":409", held + ":201");
    assertThat(lines).filteredOn(l -> l.getString("kind").equals("job_created"))
        .extracting(l -> l.getLong("req")).containsExactly(held);
  }
}
