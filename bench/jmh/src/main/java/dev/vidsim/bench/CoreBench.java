package dev.vidsim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.catalog.ModelSpec;
import dev.vidsim.clock.SimClock;
import dev.vidsim.http.Json;
import dev.vidsim.http.Wire;
import dev.vidsim.idempotency.IdempotencyStore;
import dev.vidsim.journal.Journal;
import dev.vidsim.ledger.Balance;
import dev.vidsim.ledger.Ledger;
import dev.vidsim.money.Money;
import dev.vidsim.pricing.JobSpec;
import dev.vidsim.pricing.PriceCalculator;
import dev.vidsim.pricing.Quote;
import dev.vidsim.scenario.Scenario;
import dev.vidsim.scenario.ScenarioLoader;
import dev.vidsim.engine.Commands;
import dev.vidsim.engine.Simulator;
import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.jobs.JobView;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The parts a create is made of, one at a time. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CoreBench {
  private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");
  private static final String CREATE_BODY = "{\"model\":\"clip-video\",\"prompt\":\"bench\","
      + "\"seconds\":5,\"resolution\":\"720p\"}";
  private ModelSpec model;
  private JobSpec spec;
  private Ledger ledger;
  private long jobs;
  private IdempotencyStore<String> keys;
  private long fresh;
  private Journal journal;
  private JobView view;

  @Setup(Level.Iteration)
  public void setUp() {
    Scenario s = ScenarioLoader.builtInDefault();
    model = s.models().stream().filter(m -> m.id().equals("clip-video")).findFirst()
        .orElseThrow();
    spec = new JobSpec("text-to-video", "720p", "free", BigDecimal.valueOf(5), 0);
    ledger = new Ledger(e -> { });
    ledger.topUp("sk", Money.parse("100000000000"), "opening", T0);
    keys = new IdempotencyStore<>();
    for (int i = 0; i < 100_000; i++) {
      keys.begin("sk", "key-" + i, "fp", T0);
      keys.complete("sk", "key-" + i, "outcome");
    }
    journal = new Journal(10_000, Duration.ofDays(1), SimClock.virtual(T0));
    try (Simulator sim = new Simulator(s)) {
      String key = sim.execute(new Commands.CreateTenant(null, null, null, Money.parse("100"),
          null)).apiKey();
      view = sim.execute(new Commands.Create(key, new CreateRequest("clip-video", "bench", null,
          null, null, List.of(), null), "k", null));
    }
  }

  /** The price of a 5 s 720p job of clip-video. */
  @Benchmark
  public Quote quote() {
    return PriceCalculator.quote(model.pricing(), spec);
  }

  /** A hold for a new job, then the balance a create checks (running totals: no rescan). */
  @Benchmark
  public Balance ledger_hold_and_balance() {
    ledger.hold("sk", Money.parse("0.50"), "job-" + jobs++, null, "per second", T0);
    return ledger.balance("sk");
  }

  /** A settled key looked up among 100,000 (a replayed create). */
  @Benchmark
  public String idempotency_lookup_hit() {
    return keys.settled("sk", "key-" + (fresh++ % 100_000), "fp");
  }

  /** A new key begun and settled (every fresh create). */
  @Benchmark
  public String idempotency_begin_new() {
    String k = "new-" + fresh++;
    keys.begin("sk", k, "fp", T0);
    keys.complete("sk", k, "outcome");
    return k;
  }

  /** One typical journal line: a job's state change, rendered to its JSON text. */
  @Benchmark
  public long journal_append() {
    return journal.append("state", Journal.fields().put("job", "vid_0123456789abcdef")
        .put("from", "queued").put("to", "in_progress").put("reason", "render started"));
  }

  /** vidsim's create body parsed (strict reader), as the dialect reads it. */
  @Benchmark
  public JsonNode parse_create_body() throws Exception {
    return Json.MAPPER.readTree(CREATE_BODY);
  }

  /** vidsim's job object rendered to its wire text (what a create or poll answers). */
  @Benchmark
  public String render_job() {
    return Wire.job(view).toString();
  }
}
