package dev.vidsim.bench;

import dev.vidsim.engine.Commands;
import dev.vidsim.engine.Simulator;
import dev.vidsim.faults.Endpoint;
import dev.vidsim.gate.Admission;
import dev.vidsim.jobs.CreateRequest;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A create's admission (faults, then the tenant's limits) under a concurrent-job cap and a daily
 * create cap, with {@code retained} finished jobs of another tenant in the store: what the limits
 * cost a create as the store fills. Each admission gives its slot back, so none is refused.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LimitsBench {
  private static final String SCENARIO = """
      schemaVersion: 1
      name: limits-bench
      seed: 1
      models:
        - id: clip
          modes: [text-to-video]
          regions: [us-east]
          pricing: { unit: task, price: "0.01" }
          latency: { queued: 1s, render: 59s }
      limits: { concurrentJobs: 1000000, createsPerDay: 100000000 }
      """;
  private static final CreateRequest REQUEST = new CreateRequest("clip", "bench", null, null,
      null, List.of(), null);

  @Param({"10000", "100000"})
  public int retained;
  private Simulator sim;
  private String apiKey;

  @Setup(Level.Trial)
  public void start() {
    sim = new Simulator(ScenarioLoader.parse("limits-bench.yaml", SCENARIO));
    String other = tenant();
    for (int i = 0; i < retained; i++) {
      sim.execute(new Commands.Create(other, REQUEST, "k" + i, null));
      if (i % 10_000 == 9_999) sim.advance(Duration.ofMinutes(2)); // they finish
    }
    sim.advance(Duration.ofMinutes(2));
    apiKey = tenant();
  }

  private String tenant() {
    return sim.execute(new Commands.CreateTenant(null, null, null,
        Money.parse("100000000"), null)).apiKey();
  }

  @TearDown(Level.Trial)
  public void stop() {
    sim.close();
  }

  /** One create admitted through both caps, its slot given back. */
  @Benchmark
  public Admission admit_a_create() {
    Admission a = sim.execute(new Commands.Admit("vidsim", Endpoint.CREATE, apiKey, "clip",
        null, null));
    sim.execute(new Commands.Release(a.slotOf()));
    return a;
  }
}
