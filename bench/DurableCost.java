import dev.vidsim.clock.ClockMode;
import dev.vidsim.durable.Durable;
import dev.vidsim.durable.FsyncPolicy;
import dev.vidsim.durable.ScenarioRecipe;
import dev.vidsim.engine.Commands;
import dev.vidsim.engine.Simulator;
import dev.vidsim.faults.Endpoint;
import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.money.Money;
import dev.vidsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What --data-dir costs on the engine's create path, without HTTP in the way: THREADS threads
 * run a create's commands (Admit, then Create with a fresh Idempotency-Key) through a simulator
 * in memory and through a durable one with each --fsync policy; then the time a start takes to
 * replay the log the "always" run left. Run by bench/durable.sh (or: java -cp vidsim.jar
 * bench/DurableCost.java [SECONDS] [THREADS]).
 */
public final class DurableCost {
  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    // memory runs first (JIT warm-up) and last (the figure to compare); nothing finishes on the
    // virtual clock, so the store has room for every create of the run
    ScenarioRecipe recipe = new ScenarioRecipe("default.yaml",
        ScenarioLoader.builtInDefaultText(), null, 10_000_000, null, ClockMode.VIRTUAL, null);
    Path root = Files.createTempDirectory("vidsim-durable-cost");
    System.out.printf("| configuration | creates/s (%d threads) | log bytes per create |%n",
        threads);
    System.out.println("|---|---|---|");
    for (String config : List.of("memory", "never", "interval", "always", "memory")) {
      Path dir = root.resolve(config);
      Durable durable = config.equals("memory") ? null : Durable.open(dir, recipe,
          FsyncPolicy.parse(config), Durable.MAX_BYTES_DEFAULT);
      Simulator sim = durable != null ? durable.simulator() : new Simulator(recipe.build());
      sim.execute(new Commands.CreateTenant("sk-bench", null, null, Money.parse("1000000000.00"),
          null));
      load(sim, threads, 1); // warm-up
      long before = durable == null ? 0 : Files.size(dir.resolve("vidsim.log"));
      int n = load(sim, threads, seconds);
      long bytes = durable == null ? 0 : Files.size(dir.resolve("vidsim.log")) - before;
      System.out.printf("| %s | %d | %s |%n", config, n / seconds,
          durable == null ? "-" : Long.toString(bytes / Math.max(1, n)));
      if (durable != null) durable.close(); else sim.close();
    }
    System.out.println(fsyncMicros(root) + " µs per 500-byte write + fsync on this disk (the"
        + " floor of one group commit under --fsync always)");
    long t0 = System.nanoTime();
    Durable again = Durable.open(root.resolve("always"), recipe, FsyncPolicy.ALWAYS,
        Durable.MAX_BYTES_DEFAULT);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("replay of the \"always\" log: " + again.report().replayed()
        + " commands in " + ms + " ms (" + again.report().replayed() * 1000 / Math.max(1, ms)
        + " commands/s)");
    again.close();
  }

  private static long fsyncMicros(Path root) throws Exception {
    int rounds = 200;
    try (var ch = java.nio.channels.FileChannel.open(root.resolve("probe"),
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
      long t0 = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        ch.write(java.nio.ByteBuffer.wrap(new byte[500]));
        ch.force(false);
      }
      return (System.nanoTime() - t0) / 1000 / rounds;
    }
  }

  private static int load(Simulator sim, int threads, int seconds) throws Exception {
    AtomicInteger done = new AtomicInteger();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread th = new Thread(() -> {
        CreateRequest r = new CreateRequest("clip-video", "bench", null, null, null, null, null);
        for (int i = 0; System.nanoTime() < end; i++) {
          sim.execute(new Commands.Admit("vidsim", Endpoint.CREATE, "sk-bench", r.model(), null,
              null));
          sim.execute(new Commands.Create("sk-bench", r, "t" + id + "-" + i + "-" + end, null));
          done.incrementAndGet();
        }
      });
      ts.add(th);
      th.start();
    }
    for (Thread th : ts) th.join();
    return done.get();
  }
}
