package dev.vidsim.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.scenario.Scenario;
import dev.vidsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** `vidsim check` over every scenario file of the repository, one test per file. */
class ScenarioFilesCheckTest {
  /** The repository's scenarios folder, from the module directory (Maven) or the root (IDEs). */
  static final Path SCENARIOS = Files.isDirectory(Path.of("..", "scenarios", "failures"))
      ? Path.of("..", "scenarios") : Path.of("scenarios");

  static List<Path> files() throws IOException {
    try (Stream<Path> walk = Files.walk(SCENARIOS)) {
      return walk.filter(f -> f.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> every_scenario_file_replays_to_its_expectations() throws IOException {
    return files().stream().map(f -> DynamicTest.dynamicTest(SCENARIOS.relativize(f).toString(),
        () -> {
          Scenario s = ScenarioLoader.load(f);
          CheckResult r = Checker.run(s);
          if (s.check() == null) {
            // a plain scenario (providers/, pricing/): it loads, and there is nothing to replay
            assertThat(r).isNull();
            return;
          }
          assertThat(r).as("a scenario with a script or expectations is replayed").isNotNull();
          assertThat(r.problems()).as(r.report()).isEmpty();
        }));
  }

  @Test
  void every_failure_and_bug_file_has_a_script_and_a_header_comment() throws IOException {
    List<Path> scripted = files().stream()
        .filter(f -> f.toString().contains("failures") || f.toString().contains("bugs")).toList();
    assertThat(scripted).hasSizeGreaterThanOrEqualTo(30);
    for (Path f : scripted) {
      assertThat(ScenarioLoader.load(f).check()).as(f.toString()).isNotNull();
      assertThat(Files.readString(f)).as(f.toString()).startsWith("# ");
    }
  }
}
