package dev.vidsim.junit;

import dev.vidsim.scenario.Scenario;
import dev.vidsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Finds a scenario named in an annotation: classpath first, then the directory tree upward. */
final class ScenarioFiles {
  /** How far up from the working directory to look (a module inside a repository). */
  static final int PARENT_DIRS_MAX = 3;

  private ScenarioFiles() {}

  static Scenario load(String name, long seed) {
    Scenario s = name.isEmpty() ? ScenarioLoader.builtInDefault() : find(name);
    return seed == VidsimTest.SCENARIO_SEED ? s : s.withSeed(seed);
  }

  /** Where a named scenario is: a file or a classpath resource; empty for the built-in one. */
  record Located(Path file, String resource) {}

  static Optional<Located> locate(String name) {
    if (name.isEmpty()) return Optional.empty();
    String resource = name.startsWith("/") ? name.substring(1) : name;
    if (ScenarioFiles.class.getResource("/" + resource) != null) {
      return Optional.of(new Located(null, resource));
    }
    Path dir = Path.of("").toAbsolutePath();
    for (int up = 0; up <= PARENT_DIRS_MAX && dir != null; up++, dir = dir.getParent()) {
      Path candidate = dir.resolve(name);
      if (Files.isRegularFile(candidate)) return Optional.of(new Located(candidate, null));
    }
    find(name); // throws, listing where it looked
    return Optional.empty();
  }

  private static Scenario find(String name) {
    String resource = name.startsWith("/") ? name : "/" + name;
    try (InputStream in = ScenarioFiles.class.getResourceAsStream(resource)) {
      if (in != null) {
        return ScenarioLoader.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read scenario resource " + name, e);
    }
    List<Path> tried = new ArrayList<>();
    Path dir = Path.of("").toAbsolutePath();
    for (int up = 0; up <= PARENT_DIRS_MAX && dir != null; up++, dir = dir.getParent()) {
      Path candidate = dir.resolve(name);
      if (Files.isRegularFile(candidate)) return ScenarioLoader.load(candidate);
      tried.add(candidate);
    }
    throw new ExtensionConfigurationException("scenario '" + name + "' not found on the "
        + "classpath nor at " + tried);
  }
}
