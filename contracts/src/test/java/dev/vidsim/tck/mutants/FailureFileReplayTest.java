package dev.vidsim.tck.mutants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.check.CheckResult;
import dev.vidsim.check.Checker;
import dev.vidsim.scenario.ScenarioLoader;
import dev.vidsim.tck.ContractRunner;
import dev.vidsim.tck.internal.FailureReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** A broken client's failing chain, written as a scenario file, is a reproduction. */
class FailureFileReplayTest {
  @Test
  void a_failing_chain_is_written_as_a_script_that_vidsim_check_replays_to_the_same_state()
      throws Exception {
    Mutants.Mutant m = Mutants.all().stream()
        .filter(x -> x.name().equals("ignores Retry-After")).findFirst().orElseThrow();
    Files.deleteIfExists(FailureReport.fileFor(FailureFileReplayTest.class));

    ContractRunner.Failure f = ContractRunner.firstFailure(m.factory(),
        MutantsTest.TRIES_PER_MUTANT, MutantsTest.SEED, FailureFileReplayTest.class);

    assertThat(f).as("the mutant survived").isNotNull();
    String yaml = Files.readString(FailureReport.fileFor(FailureFileReplayTest.class),
        StandardCharsets.UTF_8);
    assertThat(yaml).contains("[" + m.caughtBy() + "]", "script:", "expect:", "- create: {")
        .doesNotContain("null(");
    CheckResult replay = Checker.run(ScenarioLoader.parse("tck-failure.yaml", yaml));
    assertThat(replay.problems()).as(yaml).isEmpty();
  }
}
