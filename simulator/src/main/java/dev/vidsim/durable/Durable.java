package dev.vidsim.durable;

import dev.vidsim.clock.WallClock;
import dev.vidsim.engine.Commands;
import dev.vidsim.engine.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A simulator whose state survives a crash ({@code --data-dir}): every command that changes it
 * is written to an append-only log before its answer goes out, and on start the log is replayed
 * through the same deterministic engine, which rebuilds ledgers, jobs, idempotency keys, webhook
 * deliveries, the journal and the clock exactly. A reset or a scenario load starts the log over.
 */
public final class Durable implements AutoCloseable {
  /** Bound of the log unless told otherwise: past it new requests get a 503 that says so. */
  public static final long MAX_BYTES_DEFAULT = 1024L * 1024 * 1024;
  private final Simulator simulator;
  private final CommandLog log;
  private final Report report;

  /**
   * What the start found.
   *
   * @param resumed    false: the directory held no log and a new run began
   * @param replayed   commands replayed (their answers, errors included, as first given)
   * @param refused    of those, commands that failed again as they did the first time
   * @param tornOffset where a torn last record began (the log is cut there)
   * @param tornBytes  bytes of that record dropped (0: the log ended cleanly)
   * @param millis     time the replay took
   */
  public record Report(boolean resumed, String scenario, long replayed, long refused,
                       long tornOffset, long tornBytes, long logBytes, long millis) {
    public String describe() {
      String torn = tornBytes == 0 ? "" : "; dropped a torn last record: " + tornBytes
          + " bytes at offset " + tornOffset;
      return resumed ? "resumed scenario " + scenario + ": replayed " + replayed
          + " commands (" + refused + " refused again, as first) from " + logBytes
          + " bytes in " + millis + " ms" + torn : "new run of scenario " + scenario;
    }
  }

  private Durable(Simulator simulator, CommandLog log, Report report) {
    this.simulator = simulator;
    this.log = log;
    this.report = report;
  }

  /**
   * Opens {@code dir}: replays the log found there (its own scenario wins over {@code recipe}),
   * or starts a new one from {@code recipe}.
   */
  public static Durable open(Path dir, ScenarioRecipe recipe, FsyncPolicy policy, long maxBytes) {
    return open(dir, recipe, policy, maxBytes, WallClock.SYSTEM);
  }

  static Durable open(Path dir, ScenarioRecipe recipe, FsyncPolicy policy, long maxBytes,
                      WallClock live) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(CommandLog.FILE_NAME);
      CommandCodec codec = new CommandCodec();
      FrozenWall wall = new FrozenWall(live);
      long started = live.nanoTime();
      Replay replay = new Replay(codec, wall);
      CommandLog.Recovery found = Files.exists(file) ? CommandLog.read(file, replay::next)
          : new CommandLog.Recovery(0, 0, 0, 0);
      boolean resumed = replay.simulator() != null;
      if (!resumed) {
        // a new run (or a log torn before its first record ended): it begins with its scenario
        String header = codec.header(wall.freezeNow(), recipe);
        replay.next(header);
        Files.write(file, CommandLog.frame(header));
      }
      CommandLog log = CommandLog.open(file, policy, maxBytes, resumed ? found.validBytes()
          : Files.size(file));
      Simulator sim = replay.simulator();
      sim.call(e -> {
        e.webhooks().release();
        return null;
      });
      replay.recorder().goLive(log);
      sim.execute(new Commands.Resume(wall.lastReading()));
      sim.goLive();
      long millis = (live.nanoTime() - started) / 1_000_000;
      Report report = new Report(resumed, sim.scenario().name(), replay.replayed(),
          replay.refused(), found.tornOffset(), found.tornBytes(), found.validBytes(), millis);
      return new Durable(sim, log, report);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the data directory " + dir + ": "
          + e.getMessage(), e);
    }
  }

  public Simulator simulator() {
    return simulator;
  }

  public Report report() {
    return report;
  }

  /** Stops the clock and writes what is left (a clean stop; a crash needs none of this). */
  @Override
  public void close() {
    simulator.close();
    log.close();
  }
}
