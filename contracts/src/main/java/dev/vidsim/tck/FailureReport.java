package dev.vidsim.tck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.state.ActionChain;

/**
 * When a chain fails, writes it as a scenario file (the world, the faults, the requests the
 * client made as a script, and what the simulator answered as expectations) so the failure
 * becomes a reproduction. Shrinking re-runs ever shorter failing chains; the shortest one seen
 * for a contract class is the one left on disk.
 */
final class FailureReport {
  static final Path DIRECTORY = Path.of("target", "vidsim-failures");
  private static final Map<String, Integer> SHORTEST = new HashMap<>();

  private FailureReport() {}

  static <T> T around(ActionChain<World> chain, Class<?> contract, Supplier<T> run) {
    try {
      return run.get();
    } catch (Throwable failure) {
      chain.finalState().ifPresent(w -> write(contract, w, failure));
      throw failure;
    }
  }

  private static void write(Class<?> contract, World w, Throwable failure) {
    String name = contract.getSimpleName();
    synchronized (SHORTEST) {
      Integer best = SHORTEST.get(name);
      if (best != null && best < w.steps().size()) return;
      SHORTEST.put(name, w.steps().size());
    }
    try {
      Files.createDirectories(DIRECTORY);
      Files.writeString(DIRECTORY.resolve(name + ".yaml"),
          ScenarioWriter.write(w, String.valueOf(failure.getMessage())), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      System.err.println("vidsim: could not write the failing chain as a scenario: " + e);
    }
  }
}
