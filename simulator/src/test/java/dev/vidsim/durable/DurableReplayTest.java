package dev.vidsim.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.vidsim.clock.ClockMode;
import dev.vidsim.engine.Commands;
import dev.vidsim.engine.Simulator;
import dev.vidsim.errors.SimException;
import dev.vidsim.faults.Endpoint;
import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.jobs.JobStatus;
import dev.vidsim.jobs.JobView;
import dev.vidsim.money.Money;
import dev.vidsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A durable simulator opened again on its directory is the simulator it was, to the byte. */
class DurableReplayTest {
  private static final String ALICE = "sk-test-alice";
  private static final String BOB = "sk-test-bob";
  private static final ScenarioRecipe DEFAULT = new ScenarioRecipe("default.yaml",
      ScenarioLoader.builtInDefaultText(), null, null, null, ClockMode.VIRTUAL, null);
  @TempDir
  Path dir;
  private HttpServer receiver;
  private final AtomicInteger hooks = new AtomicInteger();

  @BeforeEach
  void receiver() throws IOException {
    // answers 500 to the first webhook, 204 after: one retry goes into the log
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hooks", x -> {
      x.getRequestBody().readAllBytes();
      x.sendResponseHeaders(hooks.getAndIncrement() == 0 ? 500 : 204, -1);
      x.close();
    });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
  }

  private Durable open() {
    return Durable.open(dir, DEFAULT, FsyncPolicy.ALWAYS, Durable.MAX_BYTES_DEFAULT);
  }

  private static CreateRequest request(String prompt, int seconds, String webhook) {
    return new CreateRequest("reel-1", prompt, null, BigDecimal.valueOf(seconds), null, null,
        webhook);
  }

  private static JobView create(Simulator sim, String key, CreateRequest r, String idemKey) {
    sim.execute(new Commands.Admit("vidsim", Endpoint.CREATE, key, r.model(), null, null));
    return sim.execute(new Commands.Create(key, r, idemKey, null));
  }

  private static int ledgerLines(Simulator sim) {
    return sim.call(e -> e.ledger().all().size());
  }

  private static List<JobView> jobs(Simulator sim) {
    return sim.call(e -> e.jobs().all());
  }

  /** Everything a client can be told: the journal (ledger lines, states, webhooks) and jobs. */
  private static String state(Simulator sim) {
    return sim.call(e -> e.journal().toJsonl() + e.jobs().all() + e.ledger().all()
        + e.clock().instant() + e.webhooks().attempts());
  }

  @Test
  void ledgers_jobs_keys_webhooks_journal_and_clock_come_back_after_a_crash() {
    Durable first = open();
    Simulator sim = first.simulator();
    String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    JobView a = create(sim, ALICE, request("cat", 6, hook), "k1");
    JobView b = create(sim, BOB, request("dog", 8, null), "k2");
    assertThatThrownBy(() -> create(sim, ALICE, new CreateRequest("no-such-model", "x", null,
        null, null, null, null), "k3")).isInstanceOf(SimException.class);
    sim.execute(new Commands.TopUp(ALICE, Money.parse("5.00")));
    sim.execute(new Commands.CreateTenant("sk-new", "pro", "eu-west", Money.parse("1.00"),
        null));
    sim.advance(Duration.ofSeconds(20));
    sim.execute(new Commands.Poll(ALICE, a.id()));
    sim.execute(new Commands.Cancel(BOB, b.id()));
    sim.advance(Duration.ofMinutes(3)); // a succeeds; its webhook fails once, then is delivered
    sim.advance(Duration.ofMinutes(3));
    JobView pending = create(sim, BOB, request("bird", 20, null), "k4");
    String before = state(sim);
    assertThat(hooks.get()).isEqualTo(2);
    assertThat(before).contains("webhook_retry").contains("webhook_delivered");

    Durable second = open(); // the first one is never closed: as after kill -9

    Simulator again = second.simulator();
    assertThat(second.report().resumed()).isTrue();
    assertThat(second.report().refused()).isEqualTo(1);
    assertThat(second.report().tornBytes()).isZero();
    assertThat(state(again)).isEqualTo(before);
    assertThat(hooks.get()).as("settled webhooks are not sent again").isEqualTo(2);
    int lines = ledgerLines(again);
    assertThat(create(again, ALICE, request("cat", 6, hook), "k1"))
        .as("the first answer, replayed").isEqualTo(a);
    assertThat(ledgerLines(again)).as("a replayed key charges nothing")
        .isEqualTo(lines);
    again.advance(Duration.ofMinutes(10));
    assertThat(again.call(e -> e.jobs().snapshot(pending.id())).status())
        .isEqualTo(JobStatus.SUCCEEDED);
    second.close();
  }

  @Test
  void a_record_torn_by_the_crash_is_dropped_and_reported_and_the_rest_replays()
      throws IOException {
    Durable first = open();
    JobView a = create(first.simulator(), ALICE, request("cat", 6, null), "k1");
    String before = state(first.simulator());
    Path log = dir.resolve(CommandLog.FILE_NAME);
    long size = Files.size(log);
    byte[] half = Arrays.copyOf(CommandLog.frame("{\"w\":1,\"c\":\"TopUp\",\"a\":{}}"), 17);
    Files.write(log, half, StandardOpenOption.APPEND);

    Durable second = open();

    assertThat(second.report().tornOffset()).isEqualTo(size);
    assertThat(second.report().tornBytes()).isEqualTo(17);
    assertThat(second.report().describe()).contains("dropped a torn last record: 17 bytes at"
        + " offset " + size);
    assertThat(state(second.simulator())).isEqualTo(before);
    assertThat(second.simulator().call(e -> e.jobs().snapshot(a.id())).id()).isEqualTo(a.id());
    second.close();
    first.close();
  }

  @Test
  void a_reset_starts_the_log_over_with_the_scenario_alone() throws IOException {
    Durable first = open();
    create(first.simulator(), ALICE, request("cat", 6, null), "k1");
    first.simulator().reset();
    String before = state(first.simulator());
    first.close();
    assertThat(Files.readAllLines(dir.resolve(CommandLog.FILE_NAME))).hasSize(1);

    Durable second = open();

    assertThat(second.report().replayed()).isZero();
    assertThat(state(second.simulator())).isEqualTo(before);
    assertThat(jobs(second.simulator())).isEmpty();
    second.close();
  }

  @Test
  void the_log_keeps_its_own_scenario_whatever_the_next_start_asks_for() {
    Durable first = open();
    create(first.simulator(), ALICE, request("cat", 6, null), "k1");
    first.close();
    ScenarioRecipe other = new ScenarioRecipe("default.yaml",
        ScenarioLoader.builtInDefaultText(), 7L, null, null, ClockMode.VIRTUAL, null);

    Durable second = Durable.open(dir, other, FsyncPolicy.NEVER, Durable.MAX_BYTES_DEFAULT);

    assertThat(second.simulator().scenario().seed()).isEqualTo(42);
    assertThat(jobs(second.simulator())).hasSize(1);
    second.close();
  }

  @Test
  void past_its_bound_the_log_refuses_new_requests_with_a_503_that_names_the_bound() {
    Durable d = Durable.open(dir, DEFAULT, FsyncPolicy.NEVER, 1);
    Simulator sim = d.simulator();
    assertThatThrownBy(() -> create(sim, ALICE, request("cat", 6, null), "k1"))
        .isInstanceOf(SimException.class).hasMessageContaining("--max-log-mb")
        .satisfies(x -> assertThat(((SimException) x).code().httpStatus()).isEqualTo(503));
    assertThat(jobs(sim)).isEmpty();
    d.close();
  }
}
