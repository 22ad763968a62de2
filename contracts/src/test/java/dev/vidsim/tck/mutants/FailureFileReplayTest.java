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

/**
 * A broken client's failing chain, written as a scenario file, is a reproduction. Its seed gives
 * a shrunk chain without a two-thread submit: a script replays one request at a time, and a
 * create held on the synchronous model would wait for a clock nothing moves.
 */
class FailureFileReplayTest {
  static final long SEED = 20261207L;

  @Test
  void a_failing_chain_is_written_as_a_script_that_vidsim_check_replays_to_the_same_state()
      throws Exception {
    Mutants.Mutant m = Mutants.all().stream()
        .filter(x -> x.name().equals("ignores Retry-After")).findFirst().orElseThrow();
    Files.deleteIfExists(FailureReport.fileFor(FailureFileReplayTest.class));

    ContractRunner.Failure f = ContractRunner.firstFailure(m.factory(),
        MutantsTest.TRIES_PER_MUTANT, SEED, FailureFileReplayTest.class);

    assertThat(f).as("the mutant survived").isNotNull();
    String yaml = Files.readString(FailureReport.fileFor(FailureFileReplayTest.class),
        StandardCharsets.UTF_8);
    assertThat(yaml).contains("[" + m.caughtBy() + "]", "script:", "expect:", "- create: {")
        .doesNotContain("null(");
    CheckResult replay = Checker.run(ScenarioLoader.parse("tck-failure.yaml", yaml));
    assertThat(replay.problems()).as(yaml).isEmpty();
  }
}
