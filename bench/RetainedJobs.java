import dev.vidsim.engine.Commands;
import dev.vidsim.engine.Simulator;
import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.money.Money;
import dev.vidsim.scenario.ScenarioLoader;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What retained finished jobs cost: one simulator (virtual clock, --max-jobs MAX) is filled with
 * finished jobs, each created with its own Idempotency-Key, the clock moving 10 minutes every
 * 1,000 creates so they start, deliver and settle. At 10k, 100k and 1M jobs (up to MAX) it
 * prints the live heap after a full GC and the latency of 200,000 polls of random jobs (the
 * engine command, no HTTP). Run with the heap the target names:
 *   java -Xmx1g -cp simulator/target/vidsim.jar bench/RetainedJobs.java [MAX]
 */
public final class RetainedJobs {
  public static void main(String[] args) {
    int max = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    var scenario = ScenarioLoader.builtInDefault().withBounds(max, 10_000);
    CreateRequest req = new CreateRequest("clip-video", "bench", null, null, null, List.of(),
        null);
    String[] ids = new String[max];
    try (Simulator sim = new Simulator(scenario)) {
      String key = sim.execute(new Commands.CreateTenant(null, null, null,
          Money.parse("100000000000"), null)).apiKey();
      int made = 0;
      System.out.println("| finished jobs held | live heap | poll mean | poll p99 |");
      System.out.println("|---|---|---|---|");
      for (int target : new int[] {10_000, 100_000, 1_000_000}) {
        if (target > max) break;
        for (; made < target; made++) {
          ids[made] = sim.execute(new Commands.Create(key, req, "key-" + made, null)).id();
          if (made % 1000 == 999) sim.advance(Duration.ofMinutes(10));
        }
        sim.advance(Duration.ofHours(1));
        long[] nanos = polls(sim, key, ids, made);
        System.out.printf("| %,d | %,d MB | %.2f µs | %.2f µs |%n", made, liveHeapMb(),
            mean(nanos) / 1000, nanos[nanos.length * 99 / 100] / 1000.0);
      }
    }
  }

  private static long[] polls(Simulator sim, String key, String[] ids, int made) {
    SplittableRandom r = new SplittableRandom(20261207);
    for (int i = 0; i < 200_000; i++) { // warm-up, same work
      sim.execute(new Commands.Poll(key, ids[r.nextInt(made)]));
    }
    long[] nanos = new long[200_000];
    for (int i = 0; i < nanos.length; i++) {
      String id = ids[r.nextInt(made)];
      long t0 = System.nanoTime();
      sim.execute(new Commands.Poll(key, id));
      nanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static double mean(long[] values) {
    return Arrays.stream(values).average().orElse(0);
  }

  private static long liveHeapMb() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) System.gc();
    return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
  }
}
