package dev.vidsim.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.cli.Main;
import dev.vidsim.scenario.ScenarioException;
import dev.vidsim.scenario.ScenarioLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays that pass, replays that fail with a readable diff, and badly written scripts. */
class CheckerTest {
  static final String HEAD = """
      schemaVersion: 1
      name: checker-test
      accounts:
        - { apiKey: sk-a, balance: "5.00" }
      models:
        - id: task
          modes: [text-to-video]
          regions: [us-east]
          pricing: { unit: task, price: "0.50" }
          latency: { queued: 1s, render: 30s }
      """;

  static CheckResult check(String yaml) {
    return Checker.run(ScenarioLoader.parse("t.yaml", HEAD + yaml));
  }

  @Test
  void a_script_that_matches_its_expectations_passes() {
    CheckResult r = check("""
        script:
          - create: { as: a, model: task }
          - advance: 1m
        expect:
          jobs: { a: succeeded }
          balances: { sk-a: "4.50" }
          ledger: { sk-a: [ "charge 0.50 a" ] }
        """);
    assertThat(r.problems()).isEmpty();
    assertThat(r.report()).startsWith("ok      t.yaml (checker-test)");
  }

  @Test
  void a_ledger_mismatch_prints_a_line_diff_and_the_balance() {
    CheckResult r = check("""
        script:
          - create: { as: a, model: task }
          - create: { as: b, model: task }
        expect:
          balances: { sk-a: "4.50" }
          ledger: { sk-a: [ "charge 0.50 a", "refund 0.50 a" ] }
        """);
    assertThat(r.passed()).isFalse();
    assertThat(r.report()).startsWith("FAIL    t.yaml").contains(
        "balance sk-a: expected 4.50, got 4.00",
        "ledger sk-a (- expected, + actual):\n          charge 0.50 a\n        - refund 0.50 a\n"
            + "        + charge 0.50 b");
  }

  @Test
  void an_unexpected_status_names_the_step_and_its_line() {
    CheckResult r = check("""
        faults:
          - { when: { endpoint: create }, do: { status: 503 } }
        script:
          - create: { as: a, model: task }
          - create: { as: b, model: task, expectStatus: 201 }
        expect:
          jobs: { a: succeeded }
        """);
    assertThat(r.problems()).hasSize(3);
    assertThat(r.problems().get(0)).startsWith("step 1 (line 14) create a: expected status 2xx,"
        + " got 503 {\"error\":{\"code\":\"region_unavailable\"");
    assertThat(r.problems().get(1)).startsWith("step 2 (line 15) create b: expected status 201");
    assertThat(r.problems().get(2)).isEqualTo("job a: expected succeeded, got no such job"
        + " (never created)");
  }

  @Test
  void jobs_created_by_a_lost_response_are_still_named_by_their_step() {
    CheckResult r = check("""
        faults:
          - { when: { nth: 1 }, do: { lostResponse: true } }
        script:
          - create: { as: a, model: task, expectStatus: 500 }
          - create: { model: task }
        expect:
          ledger: { sk-a: [ "charge 0.50 a", "charge 0.50 #2" ] }
          jobCount: { sk-a: 2 }
        """);
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void a_job_alias_used_before_it_is_defined_is_a_located_load_error() {
    assertThatThrownBy(() -> ScenarioLoader.parse("t.yaml", HEAD + """
        script:
          - poll: { job: a }
        """)).isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith("t.yaml:12:18: script[0].poll.job: no job named \"a\" yet");
  }

  @Test
  void an_unknown_step_field_is_a_located_schema_error() {
    assertThatThrownBy(() -> ScenarioLoader.parse("t.yaml", HEAD + """
        script:
          - create: { model: task, modle: x }
        """)).isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith("t.yaml:12:28: script[0].create.modle: unknown field");
  }

  @Test
  void an_expectation_about_an_unknown_account_is_a_located_load_error() {
    assertThatThrownBy(() -> ScenarioLoader.parse("t.yaml", HEAD + """
        expect:
          balances: { sk-b: "1.00" }
        """)).isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith("t.yaml:12:15: expect.balances.sk-b: no account with apiKey");
  }

  @Test
  void duplicate_fault_ids_are_a_located_load_error() {
    assertThatThrownBy(() -> ScenarioLoader.parse("t.yaml", HEAD + """
        faults:
          - { id: x, do: { status: 500 } }
          - { id: x, do: { status: 502 } }
        """)).isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith("t.yaml:13:11: faults[1].id: duplicate fault id \"x\"");
  }

  @Test
  void a_bad_fault_step_is_located_at_its_field() {
    assertThatThrownBy(() -> ScenarioLoader.parse("t.yaml", HEAD + """
        script:
          - fault: { do: { outcome: partial } }
        """)).isInstanceOf(ScenarioException.class)
        .hasMessageContaining("script[0].fault.do.deliveredSeconds");
  }

  @Test
  void the_cli_exits_1_with_the_diff_and_0_when_everything_passes(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("good.yaml"), HEAD + """
        script: [ { create: { as: a, model: task } } ]
        expect: { ledger: { sk-a: [ "charge 0.50 a" ] } }
        """);
    assertThat(run(dir.toString())).startsWith("0\n").contains("1 passed, 0 failed");
    Files.writeString(dir.resolve("bad.yaml"), HEAD.replace("checker-test", "bad") + """
        script: [ { create: { as: a, model: task } } ]
        expect: { balances: { sk-a: "5.00" } }
        """);
    assertThat(run(dir.toString())).startsWith("1\n").contains("FAIL", "(bad)",
        "balance sk-a: expected 5.00, got 4.50", "1 passed, 1 failed");
  }

  private static String run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = Main.execute(prepend("check", args));
      return code + "\n" + out.toString(StandardCharsets.UTF_8);
    } finally {
      System.setOut(old);
    }
  }

  private static String[] prepend(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
