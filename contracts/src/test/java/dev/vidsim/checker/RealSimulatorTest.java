package dev.vidsim.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.engine.Simulator;
import dev.vidsim.http.VidsimServer;
import dev.vidsim.scenario.ScenarioLoader;
import dev.vidsim.testkit.VidsimAdmin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The checker over a real simulator's history: no false alarms, and a planted fault found. */
class RealSimulatorTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private Simulator sim;
  private VidsimServer server;
  private VidsimAdmin admin;

  @BeforeEach
  void start() {
    sim = new Simulator(ScenarioLoader.builtInDefault());
    server = VidsimServer.start(sim, 0);
    admin = new VidsimAdmin(server.baseUrl());
  }

  @AfterEach
  void stop() {
    server.close();
    sim.close();
  }

  private int post(String key, String apiKey, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Authorization", "Bearer " + apiKey)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) b.header("Idempotency-Key", key);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private String createdId(String key, String apiKey, String body) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/videos"))
        .header("Authorization", "Bearer " + apiKey).header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    String json = http.send(r, HttpResponse.BodyHandlers.ofString()).body();
    return Js.parse(json).path("id").asText();
  }

  private void get(String apiKey, String path) throws IOException, InterruptedException {
    http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Authorization", "Bearer " + apiKey).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Every pricing unit and billing timing, delivered, failed, cancelled, refused, replayed. */
  private void busyDay() throws Exception {
    String alice = "sk-test-alice";
    String bob = "sk-test-bob";
    get(alice, "/v1/models");
    createdId("a1", alice, "{\"model\":\"reel-1\",\"prompt\":\"cat\",\"seconds\":7}");
    createdId("a1", alice, "{\"model\":\"reel-1\",\"prompt\":\"cat\",\"seconds\":7}");
    assertThat(post("a1", alice, "/v1/videos", "{\"model\":\"reel-1\",\"prompt\":\"dog\"}"))
        .isEqualTo(422);
    String credits = createdId("a2", alice, "{\"model\":\"studio-credits\",\"prompt\":\"x\"}");
    createdId("b1", bob, "{\"model\":\"fusion-pro\",\"prompt\":\"x\"}");
    String fusion = createdId("b2", bob, "{\"model\":\"fusion-pro\",\"prompt\":\"y\"}");
    String task = createdId("b3", bob, "{\"model\":\"quick-task\",\"prompt\":\"z\"}");
    String poor = admin.createTenant("0.10", "free", "us-east").apiKey();
    assertThat(post("p1", poor, "/v1/videos", "{\"model\":\"reel-1\",\"prompt\":\"big\"}"))
        .isEqualTo(402);
    assertThat(post("b9", bob, "/v1/videos", "{\"model\":\"studio-credits\",\"prompt\":\"x\"}"))
        .isEqualTo(503);
    admin.advance(Duration.ofSeconds(5));
    post(null, bob, "/v1/videos/" + fusion + "/cancel", "");
    sim.run(e -> e.jobs().fail(task, dev.vidsim.pricing.FailureKind.TIMEOUT, "slow"));
    sim.run(e -> e.jobs().fail(credits, dev.vidsim.pricing.FailureKind.ERROR, "boom"));
    get(alice, "/v1/videos/" + credits);
    admin.advance(Duration.ofMinutes(5));
    admin.advance(Duration.ofHours(2));
  }

  @Test
  void a_busy_day_on_the_default_scenario_satisfies_every_provider_invariant() throws Exception {
    busyDay();
    Report overHttp = InvariantChecker.standard().check(InvariantChecker.collect(admin).build());
    assertThat(overHttp.isOk()).as(overHttp.summary()).isTrue();
    Report inProcess = InvariantChecker.assertInvariants(sim);
    assertThat(inProcess.checksRun()).contains("ledger_conservation", "failure_policy_applied",
        "per_second_charge_within_quote", "only_legal_transitions");
    assertThat(sim.call(e -> e.jobs().all()).stream().map(j -> j.status().wireName()).distinct())
        .contains("expired", "cancelled", "timed_out", "failed");
  }

  @Test
  void a_ledger_line_written_behind_the_engines_back_is_reported_with_the_line() throws Exception {
    busyDay();
    sim.run(e -> e.ledger().charge("sk-test-alice", dev.vidsim.money.Money.parse("0.01"),
        e.jobs().all().get(0).id(), "a1", "sneaky", e.clock().instant()));
    assertThatThrownBy(() -> InvariantChecker.assertInvariants(admin))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("[per_second_charge_within_quote]")
        .hasMessageContaining("rule='sneaky'");
  }

  @Test
  void same_seed_and_same_requests_give_a_byte_identical_journal() throws Exception {
    busyDay();
    List<String> first = admin.journal();
    stop();
    start();
    busyDay();
    List<String> second = admin.journal();
    assertThat(first).hasSizeGreaterThan(50);
    assertThat(InvariantChecker.journalDifference(first, second)).isNull();
  }
}
