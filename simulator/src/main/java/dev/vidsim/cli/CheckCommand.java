package dev.vidsim.cli;

import dev.vidsim.check.CheckResult;
import dev.vidsim.check.Checker;
import dev.vidsim.scenario.Scenario;
import dev.vidsim.scenario.ScenarioException;
import dev.vidsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Replay the script of scenario files (or folders of them) and compare with their"
        + " expect block; print a diff and exit 1 on any mismatch.")
final class CheckCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files or folders.")
  List<Path> paths;

  @Override
  public Integer call() {
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    for (Path file : ValidateCommand.expand(paths)) {
      Scenario s;
      try {
        s = ScenarioLoader.load(file);
      } catch (ScenarioException e) {
        failed++;
        System.out.println("INVALID " + e.getMessage());
        continue;
      }
      CheckResult r;
      try {
        r = Checker.run(s);
      } catch (RuntimeException e) {
        failed++;
        // the message, not the exception: a class name tells a scenario author nothing
        System.out.println("FAIL    " + file + ": the replay could not run: "
            + (e.getMessage() == null ? "an internal error (please report it)" : e.getMessage()));
        continue;
      }
      if (r == null) {
        skipped++;
        System.out.println("skip    " + file + " (no script or expect)");
        continue;
      }
      if (r.passed()) passed++;
      else failed++;
      System.out.println(r.report());
      System.out.flush();
    }
    System.out.println(passed + " passed, " + failed + " failed, " + skipped + " without script");
    return failed == 0 ? 0 : 1;
  }
}
