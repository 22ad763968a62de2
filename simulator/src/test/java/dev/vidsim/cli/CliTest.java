package dev.vidsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir
  Path dir;

  private record Run(int exit, String out) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true));
    try {
      int exit = Main.execute(args);
      return new Run(exit, buf.toString());
    } finally {
      System.setOut(oldOut);
    }
  }

  @Test
  void validate_accepts_good_files_and_exits_non_zero_with_the_located_error() throws Exception {
    Path good = Files.writeString(dir.resolve("good.yaml"), """
        schemaVersion: 1
        name: good
        models: [{ id: m, modes: [text-to-video], regions: [r], pricing: { unit: task,
            price: "1" } }]
        """);
    Path bad = Files.writeString(dir.resolve("bad.yaml"), """
        schemaVersion: 1
        name: bad
        models: [{ id: m, modes: [text-to-video], regions: [r], pricing: { unit: task, price: 1 } }]
        """);
    assertThat(run("validate", good.toString()).exit()).isZero();
    Run r = run("validate", good.toString(), bad.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("bad.yaml:3:87: models[0].pricing.price: amounts are strings: quote them")
        .contains("1 valid, 1 invalid");
  }

  @Test
  void validate_prints_every_semantic_problem_of_a_file_each_on_its_own_located_line()
      throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), """
        schemaVersion: 1
        name: bad
        accounts: [{ apiKey: k, region: nowhere, balance: "1" }]
        models: [{ id: m, modes: [text-to-video], regions: [r], minSeconds: 9, maxSeconds: 3,
            pricing: { unit: task, price: "1" } }]
        faults: [{ when: { model: gone }, do: { status: 500 } }]
        """);
    Run r = run("validate", bad.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out().lines().toList()).containsSubsequence(
        "INVALID " + bad + ":3:33: accounts[0].region: no model serves region \"nowhere\";"
            + " the models serve [r]",
        bad + ":4:84: models[0].maxSeconds: maxSeconds 3 is below minSeconds 9",
        bad + ":6:27: faults[0].when.model: no model \"gone\" in this scenario; its models: [m]",
        "0 valid, 1 invalid");
  }

  @Test
  void validate_walks_folders() {
    Run r = run("validate", Path.of("..", "scenarios").toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("unit-second.yaml").contains(" 0 invalid");
  }

  @Test
  void help_and_version_work() {
    assertThat(run("--help").out()).contains("serve", "validate");
    Run v = run("--version");
    assertThat(v.exit()).isZero();
    assertThat(v.out()).startsWith("vidsim ");
    assertThat(run("serve", "--help").out()).contains("--port", "--bind", "--clock", "--seed");
  }

  @Test
  void serve_refuses_a_broken_scenario_and_a_public_bind_without_a_token() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "schemaVersion: 1\nname: x\n");
    assertThat(Main.execute("serve", "--scenario", bad.toString(), "--port", "0")).isEqualTo(2);
    assertThat(Main.execute("serve", "--bind", "0.0.0.0", "--port", "0")).isEqualTo(2);
    assertThat(Main.execute("serve", "--max-jobs", "0", "--port", "0")).isEqualTo(2);
    assertThat(Main.execute("serve", "--max-journal", "5", "--port", "0")).isEqualTo(2);
  }

  @Test
  void serve_can_start_answer_itself_and_stop_for_launcher_training() {
    Run r = run("serve", "--port", "0", "--exit-after-start");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("vidsim listening on http://127.0.0.1:")
        .containsPattern("dashboard: +http://127\\.0\\.0\\.1:\\d+/_sim/ui")
        .contains("/_sim/pricing", "/_sim/metrics", "/runway", "/openrouter/api/v1");
  }
}
