package dev.vidsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Problems a schema cannot see are all reported in one load, each located, in file order. */
class SemanticErrorsTest {
  static ScenarioException load(String yaml) {
    return catchThrowableOfType(ScenarioException.class,
        () -> ScenarioLoader.parse("s.yaml", yaml));
  }

  @Test
  void every_semantic_problem_of_a_file_is_reported_at_once_in_file_order() {
    ScenarioException e = load("""
        schemaVersion: 1
        name: broken
        accounts:
          - { apiKey: sk-a, region: mars, balance: "1.00" }
          - { apiKey: sk-b, tier: gold, balance: "1.00" }
        models:
          - id: a
            modes: [text-to-video]
            regions: [us-east]
            tiers: [free, pro]
            minSeconds: 8
            maxSeconds: 4
            pricing: { unit: video, price: "0.30" }
          - id: b
            modes: [text-to-video]
            regions: [eu-west]
            tiers: [pro]
            maxSeconds: 10
            defaultSeconds: 12
            pricing: { unit: task, price: "0.30", billOn: delivery }
        faults:
          - { when: { model: c }, do: { status: 500 } }
          - { when: { region: mars }, do: { status: 503 } }
          - { when: { endpoint: get }, do: { outcome: stuck } }
        """);
    assertThat(e).isNotNull();
    assertThat(e.problems()).extracting(ScenarioException::getMessage).containsExactly(
        "s.yaml:4:29: accounts[0].region: no model serves region \"mars\"; the models serve"
            + " [eu-west, us-east]",
        "s.yaml:5:27: accounts[1].tier: no model is offered to tier \"gold\"; the models' tiers:"
            + " [free, pro] (a model without tiers is offered to every tier)",
        "s.yaml:12:17: models[0].maxSeconds: maxSeconds 4 is below minSeconds 8",
        "s.yaml:19:21: models[1].defaultSeconds: defaultSeconds 12 is outside"
            + " minSeconds..maxSeconds 1..10",
        "s.yaml:20:51: models[1].pricing.billOn: unit task is charged on create whatever"
            + " happens; expected billOn: create (or leave it out), got delivery",
        "s.yaml:22:22: faults[0].when.model: no model \"c\" in this scenario; its models: [a, b]",
        "s.yaml:23:23: faults[1].when.region: no model serves region \"mars\"; the models serve"
            + " [eu-west, us-east]",
        "s.yaml:24:25: faults[2].when.endpoint: outcome applies to create requests: use endpoint"
            + " create or leave it out");
    assertThat(e.getMessage()).startsWith("s.yaml:4:29: accounts[0].region: no model serves")
        .contains("\ns.yaml:24:25: faults[2].when.endpoint: ");
  }

  @Test
  void at_most_100_problems_are_reported_and_the_rest_counted() {
    StringBuilder yaml = new StringBuilder("""
        schemaVersion: 1
        name: many
        models:
          - { id: a, modes: [text-to-video], regions: [us-east],
              pricing: { unit: task, price: "1" } }
        accounts:
        """);
    for (int i = 0; i < 130; i++) {
      yaml.append("  - { apiKey: sk-").append(i).append(", region: nowhere, balance: \"1\" }\n");
    }
    ScenarioException e = load(yaml.toString());
    assertThat(e.problems()).hasSize(Problems.REPORTED_MAX);
    assertThat(e.getMessage().lines()).hasSize(Problems.REPORTED_MAX + 1);
    assertThat(e.getMessage()).endsWith("\n(and 30 more)");
  }

  @Test
  void schema_problems_are_listed_one_by_one_too() {
    ScenarioException e = load("""
        schemaVersion: 1
        name: typos
        accounts: [{ apiKey: k, balanse: "1" }]
        models:
          - { id: a, modes: [text-to-video], regions: [us-east], priceing: {} }
        """);
    assertThat(e.problems()).extracting(ScenarioException::field)
        .contains("accounts[0].balanse", "models[0].priceing", "accounts[0].balance",
            "models[0].pricing");
    assertThat(e.getMessage().lines()).hasSize(e.problems().size());
  }

  @Test
  void a_file_with_one_problem_reads_as_before() {
    ScenarioException e = load("""
        schemaVersion: 1
        name: one
        models:
          - { id: a, modes: [text-to-video], regions: [us-east],
              pricing: { unit: task, price: "1" } }
          - { id: a, modes: [text-to-video], regions: [us-east],
              pricing: { unit: task, price: "1" } }
        """);
    assertThat(e.getMessage()).isEqualTo("s.yaml:6:11: models[1].id: duplicate model id \"a\"");
    assertThat(e.problems()).containsExactly(e);
  }
}
