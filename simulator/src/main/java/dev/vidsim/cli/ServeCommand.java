package dev.vidsim.cli;

import dev.vidsim.clock.ClockMode;
import dev.vidsim.durable.Durable;
import dev.vidsim.durable.FsyncPolicy;
import dev.vidsim.durable.ScenarioRecipe;
import dev.vidsim.engine.Simulator;
import dev.vidsim.http.VidsimServer;
import dev.vidsim.jobs.JobStore;
import dev.vidsim.scenario.Scenario;
import dev.vidsim.scenario.ScenarioException;
import dev.vidsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Start the simulator (built-in default scenario unless --scenario is given).")
final class ServeCommand implements Callable<Integer> {
  /** Speed of the built-in default scenario's clock under serve: 1 real second = 1 minute. */
  static final long DEFAULT_FACTOR = 60;
  @Option(names = "--scenario", paramLabel = "FILE", description = "Scenario file (YAML or JSON).")
  Path scenario;

  @Option(names = "--port", defaultValue = "8080",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}). "
          + "Non-loopback needs --admin-token.")
  String bind;

  @Option(names = "--clock", paramLabel = "MODE",
      description = "virtual, real or accelerated (default: the scenario's; with the built-in"
          + " default scenario, accelerated x60 so SDK programs see jobs finish in seconds).")
  String clock;

  @Option(names = "--clock-factor", paramLabel = "N",
      description = "Speed-up of the accelerated clock (default: the scenario's, else 60).")
  Long clockFactor;

  @Option(names = "--seed", description = "Override the scenario's seed.")
  Long seed;

  @Option(names = "--max-jobs", paramLabel = "N",
      description = "Jobs held in memory, finished or not (default: the scenario's jobs.maxEntries,"
          + " else 100000). Past it the first finished job is forgotten; all unfinished: 503.")
  Integer maxJobs;

  @Option(names = "--max-journal", paramLabel = "N",
      description = "Journal lines kept (default: the scenario's journal.maxEntries, else"
          + " 100000); older lines rotate out, ledgers never do.")
  Integer maxJournal;

  // from the environment too, so a container's token stays out of its command line
  @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:VIDSIM_ADMIN_TOKEN}",
      description = "Require this token (header X-Vidsim-Admin-Token) on /_sim admin calls"
          + " (default: env VIDSIM_ADMIN_TOKEN).")
  String adminToken;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Keep state in DIR: every change is logged before it is answered and the"
          + " log is replayed on start, so ledgers, jobs, keys, webhooks, journal and clock"
          + " survive a crash (kill -9). Without it, state lives in memory only.")
  Path dataDir;

  @Option(names = "--fsync", paramLabel = "POLICY", defaultValue = "always",
      description = "With --data-dir: always (forced to disk before each answer; survives power"
          + " loss), interval (forced every 100 ms) or never (left to the OS). All three survive"
          + " a killed process (default: ${DEFAULT-VALUE}).")
  String fsync;

  @Option(names = "--max-log-mb", paramLabel = "N", defaultValue = "1024",
      description = "With --data-dir: bound of the log; past it new requests get a 503"
          + " simulator_full until a reset starts the log over (default: ${DEFAULT-VALUE}).")
  long maxLogMb;

  // The launcher trains its class-data-sharing archive with this (start-up); also a smoke test.
  @Option(names = "--exit-after-start", hidden = true,
      description = "Start, answer one request of each kind to itself, stop.")
  boolean exitAfterStart;

  /** The scenario as given, with the command line's overrides applied. */
  Scenario scenario() {
    return recipe().build();
  }

  /** The scenario file's text and the command line's overrides (what a durable log keeps). */
  ScenarioRecipe recipe() {
    ScenarioRecipe file = scenario == null ? ScenarioRecipe.of("default.yaml",
        ScenarioLoader.builtInDefaultText()) : ScenarioRecipe.of(scenario.toString(),
        ScenarioLoader.read(scenario));
    Integer jobs = bounded("--max-jobs", maxJobs, 1, JobStore.CAPACITY_MAX);
    Integer journal = bounded("--max-journal", maxJournal, 100, 10_000_000);
    ClockMode mode = clock != null ? ClockMode.parse(clock) : null;
    Long factor = clockFactor;
    // an SDK program cannot advance a virtual clock: without a scenario, time runs by itself
    if (scenario == null && clock == null) {
      mode = ClockMode.ACCELERATED;
      if (factor == null) factor = DEFAULT_FACTOR;
    }
    return new ScenarioRecipe(file.file(), file.text(), seed, jobs, journal, mode, factor);
  }

  /** The option's value, checked; null when not given (the scenario's own then). */
  private static Integer bounded(String option, Integer given, int min, int max) {
    if (given == null) return null;
    if (given < min || given > max) {
      throw new IllegalArgumentException(option + " must be from " + min + " to " + max
          + ", got " + given);
    }
    return given;
  }

  @Override
  public Integer call() throws InterruptedException {
    Durable durable;
    Simulator sim;
    try {
      FsyncPolicy policy = FsyncPolicy.parse(fsync);
      if (maxLogMb < 1 || maxLogMb > 1024L * 1024) {
        throw new IllegalArgumentException("--max-log-mb must be from 1 to 1048576, got "
            + maxLogMb);
      }
      durable = dataDir == null ? null : Durable.open(dataDir, recipe(),
          policy, maxLogMb * 1024 * 1024);
    } catch (ScenarioException | IllegalArgumentException | java.io.UncheckedIOException e) {
      System.err.println("vidsim: " + e.getMessage());
      return 2;
    }
    // Parse the scenario while the HTTP server starts: the two halves of start-up overlap.
    sim = durable != null ? durable.simulator()
        : Simulator.loading(CompletableFuture.supplyAsync(this::scenario));
    VidsimServer server;
    try {
      server = VidsimServer.start(sim, bind, port, adminToken);
    } catch (IllegalArgumentException e) {
      System.err.println("vidsim: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      System.err.println("vidsim: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
      return 1;
    }
    Scenario s;
    try {
      s = sim.scenario();
    } catch (ScenarioException | IllegalArgumentException e) {
      server.close();
      System.err.println("vidsim: " + e.getMessage());
      return 2;
    }
    printBanner(s, server);
    if (durable != null) {
      System.out.println("  data dir:   " + dataDir + " (fsync " + fsync + "): "
          + durable.report().describe());
      System.out.flush();
    }
    if (exitAfterStart) {
      return SelfRequest.warmUp(server, s) ? 0 : 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      if (durable != null) durable.close();
      stopped.countDown();
    }));
    stopped.await();
    return 0;
  }

  private void printBanner(Scenario s, VidsimServer server) {
    String host = bind.contains(":") ? "[" + bind + "]" : bind;
    String url = "http://" + host + ":" + server.port();
    String key = s.accounts().isEmpty() ? "<create one: POST /_sim/tenants>" : s.accounts().get(0)
        .apiKey();
    String speed = s.clock() == ClockMode.ACCELERATED ? " x" + s.clockFactor() : "";
    System.out.println("vidsim listening on " + url + " (scenario " + s.name() + ", seed "
        + s.seed() + ", clock " + s.clock().wireName() + speed + ")");
    System.out.println("  API key:    " + key);
    System.out.println("  try:        curl -s -H 'Authorization: Bearer " + key + "' " + url
        + "/v1/models");
    server.dialectPaths().forEach((name, path) -> System.out.printf("  %-11s %s%n",
        name + ":", url + (path.isEmpty() ? "/v1" : path)));
    System.out.println("  admin:      " + url + "/_sim/health  (clock: POST " + url
        + "/_sim/clock/advance {\"by\":\"2m\"})");
    System.out.println("  dashboard:  " + url + "/_sim/ui   pricing: " + url + "/_sim/pricing"
        + "   metrics: " + url + "/_sim/metrics");
    System.out.flush();
  }
}
