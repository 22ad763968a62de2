package dev.vidsim.bench;

import dev.vidsim.engine.Commands;
import dev.vidsim.engine.Simulator;
import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.jobs.JobView;
import dev.vidsim.money.Money;
import dev.vidsim.scenario.ScenarioLoader;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's commands as a request runs them (no HTTP): a create with billing, idempotency,
 * scheduling and journal; a poll; and a job's whole life on the clock. Built-in default scenario,
 * virtual clock, model clip-video.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBench {
  private static final CreateRequest REQUEST = new CreateRequest("clip-video", "bench", null,
      null, null, List.of(), null);
  private Simulator sim;
  private String apiKey;
  private String finishedJob;
  private long keys;

  @Setup(Level.Iteration)
  public void start() {
    sim = new Simulator(ScenarioLoader.builtInDefault());
    apiKey = sim.execute(new Commands.CreateTenant(null, null, null,
        Money.parse("100000000000"), null)).apiKey();
    finishedJob = create().id();
    sim.advance(Duration.ofHours(1));
  }

  @TearDown(Level.Iteration)
  public void stop() {
    sim.close();
  }

  private JobView create() {
    return sim.execute(new Commands.Create(apiKey, REQUEST, "key-" + keys++, null));
  }

  /**
   * A create with a fresh Idempotency-Key; every 1,024th also moves the clock an hour, so the
   * jobs made since finish (their start, delivery and settlement are in the average).
   */
  @Benchmark
  public JobView create_then_finish_amortised() {
    JobView v = create();
    if ((keys & 1023) == 0) sim.advance(Duration.ofHours(1));
    return v;
  }

  /** A status poll of a finished job (vidsim's own API: no poll fee). */
  @Benchmark
  public JobView poll() {
    return sim.execute(new Commands.Poll(apiKey, finishedJob));
  }

  /** One job's whole life: created, then the clock moves past its start and its delivery. */
  @Benchmark
  public int create_and_advance_one_job() {
    create();
    return sim.advance(Duration.ofMinutes(10));
  }
}
