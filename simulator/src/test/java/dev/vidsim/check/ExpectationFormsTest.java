package dev.vidsim.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.scenario.ScenarioException;
import dev.vidsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** Compact ledger lines, readable diffs for long runs, and journal expectations. */
class ExpectationFormsTest {
  static final String HEAD = """
      schemaVersion: 1
      name: forms
      accounts:
        - { apiKey: sk-a, balance: "5.00" }
      models:
        - id: clip
          modes: [text-to-video]
          regions: [us-east]
          pricing: { unit: video, price: "0.30", pollFee: "0.002" }
          latency: { queued: 1s, render: 10m }
      """;
  /** 100 polls, 6 s apart: the job renders throughout, each poll pays its fee. */
  static final String POLLS = """
      script:
        - create: { as: a, model: clip }
        - poll: { job: a, times: 100, every: 6s }
        - advance: 10m
      """;

  static CheckResult check(String yaml) {
    return Checker.run(ScenarioLoader.parse("t.yaml", HEAD + yaml));
  }

  @Test
  void a_compact_ledger_counts_and_sums_each_line_type() {
    CheckResult r = check(POLLS + """
        expect:
          ledger: { sk-a: [ "hold x1 = 0.30", "poll_fee x100 = 0.20", "capture x1 = 0.30" ] }
        """);
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void a_compact_mismatch_shows_each_type_expected_and_actual_with_its_first_and_last_line() {
    CheckResult r = check(POLLS + """
        expect:
          ledger: { sk-a: [ "poll_fee x99 = 0.198", "capture x1 = 0.30" ] }
        """);
    assertThat(r.problems()).hasSize(1);
    String p = r.problems().get(0);
    assertThat(p).startsWith("ledger sk-a per line type (expected | actual):")
        .contains("capture   x1 = 0.30         | x1 = 0.30\n")
        .contains("hold      none              | x1 = 0.30         <- differs")
        .contains("poll_fee  x99 = 0.198       | x100 = 0.20       <- differs")
        .contains("poll_fee: first at line 2 charge 0.002 a, last at line 101 charge 0.002 a")
        .contains("hold: first at line 1 hold 0.30 a");
    assertThat(p.lines().count()).isLessThan(10);
  }

  @Test
  void a_long_line_by_line_mismatch_is_summarised_not_printed_in_full() {
    StringBuilder lines = new StringBuilder("\"hold 0.30 a\"");
    for (int i = 0; i < 99; i++) lines.append(", \"charge 0.002 a\"");
    CheckResult r = check(POLLS + "expect:\n  ledger: { sk-a: [ " + lines
        + ", \"capture 0.30 a\", \"refund 0.30 a\" ] }\n");
    String p = r.problems().get(0);
    assertThat(p).startsWith("ledger sk-a (102 lines expected, 102 actual):")
        .contains("charge    x99 = 0.198       | x100 = 0.20       <- differs")
        .contains("refund    x1 = 0.30         | none              <- differs")
        .contains("2 differing line(s)\n  + line 101: charge 0.002 a\n  - line 102: refund 0.30 a");
    assertThat(p.lines().count()).isLessThan(12);
  }

  @Test
  void a_summary_shows_only_the_first_and_last_differing_lines() {
    StringBuilder lines = new StringBuilder("\"hold 0.30 a\"");
    for (int i = 0; i < 100; i++) lines.append(", \"charge 0.003 a\"");
    CheckResult r = check(POLLS + "expect:\n  ledger: { sk-a: [ " + lines
        + ", \"capture 0.30 a\" ] }\n");
    String p = r.problems().get(0);
    assertThat(p).contains("200 differing line(s); the first and last 3:",
        "  - line 2: charge 0.003 a", "  … 194 more …", "  + line 101: charge 0.002 a");
    assertThat(p.lines().count()).isLessThan(16);
  }

  @Test
  void journal_lines_are_counted_by_kind_prefix_and_dotted_fields() {
    CheckResult r = check("""
        webhooks: { retries: [5s, 1m] }
        script:
          - receiver: { answer: [ { status: 301, headers: { Location: "https://x.test/h" } },
                                  { status: 301, headers: { Location: "https://x.test/h" } },
                                  500 ] }
          - create: { as: a, model: clip, webhook: true }
          - advance: 20m
        expect:
          journal:
            - { kind: "webhook_*", match: { status: 301, redirect: not followed }, count: 2 }
            - { kind: webhook_failed, match: { status: 500 }, count: 1 }
            - { kind: webhook_attempt, match: { job: a }, atLeast: 3 }
            - { kind: webhook_delivered, none: true }
            - { kind: ledger, match: { type: capture, job: a, amount: "0.30" }, count: 1 }
        """);
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void dotted_paths_reach_into_nested_fields_and_array_items() throws Exception {
    var line = Http.JSON.readTree("{\"error\":{\"code\":\"x\",\"tries\":[1,2]},\"n\":null}");
    assertThat(JournalCheck.valueAt(line, "error.code")).isEqualTo("x");
    assertThat(JournalCheck.valueAt(line, "error.tries.1")).isEqualTo("2");
    assertThat(JournalCheck.valueAt(line, "n")).isEqualTo("(absent)");
    assertThat(JournalCheck.valueAt(line, "error.missing")).isEqualTo("(absent)");
  }

  @Test
  void a_journal_mismatch_names_the_expectation_its_line_and_what_the_lines_carried() {
    CheckResult r = check("""
        script:
          - create: { as: a, model: clip }
          - advance: 20m
        expect:
          journal:
            - { kind: state, match: { to: failed } }
            - { kind: webhook_attempt, count: 1 }
        """);
    assertThat(r.problems()).hasSize(2);
    assertThat(r.problems().get(0)).startsWith("journal[0] (line 16) state with to=failed:"
        + " expected at least 1 line(s), got 0; state lines have to: ");
    assertThat(r.problems().get(1)).startsWith("journal[1] (line 17) webhook_attempt:"
        + " expected 1 line(s), got 0; no line of kind webhook_attempt (kinds in the journal: [");
  }

  @Test
  void bad_expectations_are_all_located_load_errors() {
    assertThatThrownBy(() -> ScenarioLoader.parse("t.yaml", HEAD + """
        script:
          - create: { as: a, model: clip }
        expect:
          ledger: { sk-a: [ "hold x1 = 0.30", "capture 0.30 a", "hold x2 = 0.60" ] }
          journal:
            - { kind: state, count: 1, none: true }
            - { kind: state, match: { job: b } }
        """)).isInstanceOf(ScenarioException.class).satisfies(e -> {
          ScenarioException s = (ScenarioException) e;
          assertThat(s.problems()).extracting(ScenarioException::getMessage).containsExactly(
              "t.yaml:14:39: expect.ledger.sk-a[1]: write every ledger line (\"charge 0.50 a\")"
                  + " or a count and a sum per type (\"charge x2 = 1.00\"), not both in one list",
              "t.yaml:14:57: expect.ledger.sk-a[2]: line type hold is already counted above:"
                  + " one line per type",
              "t.yaml:16:7: expect.journal[0]: give one of count, atLeast or none",
              "t.yaml:17:36: expect.journal[1].match.job: no job named \"b\": name one with as:"
                  + " in a create or list step");
        });
  }
}
