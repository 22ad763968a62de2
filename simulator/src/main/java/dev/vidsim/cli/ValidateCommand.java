package dev.vidsim.cli;

import dev.vidsim.scenario.Scenario;
import dev.vidsim.scenario.ScenarioException;
import dev.vidsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check scenario files (or folders of them); "
        + "exit 1 with file:line:column on error.")
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files or folders.")
  List<Path> paths;

  @Override
  public Integer call() {
    int failures = 0;
    List<Path> files = expand(paths);
    for (Path file : files) {
      try {
        Scenario s = ScenarioLoader.load(file);
        System.out.println("ok      " + file + " (" + s.name() + ")");
      } catch (ScenarioException e) {
        failures++;
        System.out.println("INVALID " + e.getMessage());
      }
    }
    System.out.println(files.size() - failures + " valid, " + failures + " invalid");
    return failures == 0 ? 0 : 1;
  }

  static List<Path> expand(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(f -> f.toString().matches(".*\\.(ya?ml|json)$"))
              .filter(f -> !f.getFileName().toString().endsWith(".schema.json"))
              .sorted().forEach(out::add);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }
}
