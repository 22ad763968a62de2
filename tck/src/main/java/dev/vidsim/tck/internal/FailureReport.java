package dev.vidsim.tck.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import net.jqwik.api.state.ActionChain;

/**
 * When a chain fails, writes it as a scenario file (the world, the faults, the requests the
 * client made as a script, and what the simulator answered as expectations) so the failure
 * becomes a reproduction. Shrinking re-runs ever smaller failing chains and accepts each one that
 * still fails, so the last failing run of a contract class is jqwik's final shrunk sample: that is
 * the one left on disk, with the violation it reported.
 */
public final class FailureReport {
  static final Path DIRECTORY = Path.of("target", "vidsim-failures");

  private FailureReport() {}

  public static <T> T around(ActionChain<World> chain, Class<?> contract, Supplier<T> run) {
    try {
      return run.get();
    } catch (Throwable failure) {
      chain.finalState().ifPresent(w -> write(contract, w, failure));
      throw failure;
    }
  }

  /** The scenario file a failure of {@code contract} is written to. */
  public static Path fileFor(Class<?> contract) {
    Shard shard = Shard.current();
    // shards of one run write side by side (one CI artifact directory)
    String suffix = shard.isSharded() ? ".shard-" + shard.index() + "-of-" + shard.count() : "";
    return DIRECTORY.resolve(contract.getSimpleName() + suffix + ".yaml");
  }

  private static synchronized void write(Class<?> contract, World w, Throwable failure) {
    String name = contract.getSimpleName();
    try {
      Files.createDirectories(DIRECTORY);
      Files.writeString(fileFor(contract),
          ScenarioWriter.write(w, String.valueOf(failure.getMessage())), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      System.err.println("vidsim: could not write the failing chain as a scenario: " + e);
    }
  }
}
