package dev.vidsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.pricing.BillOn;
import dev.vidsim.pricing.PricingUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
  private static final String HEAD = "schemaVersion: 1\nname: t\n";
  private static final String MODEL = """
      models:
        - id: m1
          modes: [text-to-video]
          regions: [us-east]
          pricing: { unit: second, price: "0.10" }
      """;

  @Test
  void the_built_in_default_scenario_loads_with_its_catalog() {
    Scenario s = ScenarioLoader.builtInDefault();
    assertThat(s.models()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(s.models()).extracting(m -> m.pricing().unit())
        .contains(PricingUnit.SECOND, PricingUnit.CREDIT, PricingUnit.VIDEO, PricingUnit.TASK);
    assertThat(s.accounts()).extracting(a -> a.region()).containsExactlyInAnyOrder("us-east",
        "eu-west");
    assertThat(s.accounts()).extracting(a -> a.tier()).containsExactlyInAnyOrder("free", "pro");
  }

  @Test
  void defaults_fill_what_a_scenario_leaves_out() {
    Scenario s = ScenarioLoader.parse("t.yaml", HEAD + MODEL);
    assertThat(s.seed()).isEqualTo(1);
    assertThat(s.currency()).isEqualTo("USD");
    assertThat(s.models().get(0).pricing().billOn()).isEqualTo(BillOn.DELIVERY);
    assertThat(s.models().get(0).resolutions()).containsExactly("720p");
  }

  @Test
  void json_scenarios_load_like_yaml() {
    String json = """
        {"schemaVersion": 1, "name": "j", "models": [{"id": "m", "modes": ["text-to-video"],
          "regions": ["r"], "pricing": {"unit": "task", "price": "0.05"}}]}
        """;
    assertThat(ScenarioLoader.parse("x.json", json).models().get(0).pricing().billOn())
        .isEqualTo(BillOn.CREATE);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("unknown top-level field", HEAD + "sead: 3\n" + MODEL,
            "t.yaml:3:1: sead: unknown field; allowed here: schemaVersion, name"),
        Arguments.of("wrong schema version", "schemaVersion: 2\nname: t\n" + MODEL,
            "t.yaml:1:16: schemaVersion: expected 1, got 2"),
        Arguments.of("missing models", HEAD,
            "t.yaml:1:1: models: required field is missing"),
        Arguments.of("unknown pricing unit", HEAD + MODEL.replace("unit: second", "unit: minute"),
            "t.yaml:7:22: models[0].pricing.unit: expected one of "
                + "[\"token\",\"credit\",\"second\""),
        Arguments.of("money as a float", HEAD + MODEL.replace("\"0.10\"", "0.10"),
            "t.yaml:7:37: models[0].pricing.price: amounts are strings: quote them, e.g."
                + " \"0.10\" (got 0.10)"),
        Arguments.of("money with too many decimals", HEAD + MODEL.replace("0.10", "0.1234567"),
            "t.yaml:7:37: models[0].pricing.price: expected exact amount as a string"),
        Arguments.of("bad duration", HEAD + "contentTtl: 10 minutes\n" + MODEL,
            "t.yaml:3:13: contentTtl: expected e.g. 500ms, 30s, 10m, 1h30m, got \"10 minutes\""),
        Arguments.of("unknown field inside a model", HEAD + MODEL.replace("modes:", "mode:"),
            "t.yaml:5:5: models[0].mode: unknown field; allowed here: id, description, modes"),
        Arguments.of("task billed on delivery",
            HEAD + MODEL.replace("unit: second", "unit: task, billOn: delivery"),
            "t.yaml:7:36: models[0].pricing.billOn: unit task is charged on create"),
        Arguments.of("split without a share",
            HEAD + MODEL.replace("unit: second", "unit: second, billOn: split"),
            "t.yaml:7:38: models[0].pricing.billOn: billOn split needs createSharePercent"),
        Arguments.of("duplicate model id", HEAD + MODEL + MODEL.substring("models:\n".length()),
            "t.yaml:8:9: models[1].id: duplicate model id \"m1\""),
        Arguments.of("latency range upside down",
            HEAD + MODEL + "    latency: { render: 90s..40s }\n",
            "t.yaml:8:24: models[0].latency.render: range max 40s is below its min 1m30s"),
        Arguments.of("lognormal sigma out of range",
            HEAD + MODEL + "    latency: { render: \"lognormal(60s, 9, 5m)\" }\n",
            "t.yaml:8:24: models[0].latency.render: lognormal sigma must be in (0, 3], got 9.0"),
        Arguments.of("not YAML at all", "schemaVersion: 1\nname: [unclosed\n",
            "t.yaml:2:16: not valid YAML: while parsing a flow sequence expected ',' or ']'"),
        Arguments.of("duplicate key", HEAD + "name: again\n" + MODEL,
            "t.yaml:3:1: name: duplicate key"),
        Arguments.of("price override for a missing resolution",
            HEAD + MODEL.replace("price: \"0.10\"",
                "price: \"0.10\", prices: [{ resolution: 4k, price: \"1.00\" }]"),
            "t.yaml:7:68: models[0].pricing.prices[0].resolution: "
                + "the model has no resolution \"4k\""),
        Arguments.of("maxSeconds below minSeconds",
            HEAD + MODEL + "    minSeconds: 10\n    maxSeconds: 5\n",
            "t.yaml:9:17: models[0].maxSeconds: maxSeconds 5 is below minSeconds 10"),
        Arguments.of("settlement policy misspelt",
            HEAD + MODEL.replace("price: \"0.10\"",
                "price: \"0.10\", onFailure: { timeout: keeep }"),
            "models[0].pricing.onFailure.timeout: expected refund, keep or partial:<percent>"),
        Arguments.of("negative money", HEAD + MODEL.replace("\"0.10\"", "\"-0.10\""),
            "t.yaml:7:37: models[0].pricing.price: must not be negative, got \"-0.10\""),
        Arguments.of("a YAML alias (an alias bomb needs them)",
            "schemaVersion: 1\nname: &n t\ndescription: *n\n" + MODEL,
            "t.yaml:3:14: description: YAML aliases (*n) are not supported: write the value out"
                + " in full"),
        Arguments.of("an unknown dialect", HEAD + "dialects: { nosuch: { emitExpired: true } }\n"
            + MODEL, "t.yaml:3:13: dialects.nosuch: unknown field; allowed here: "),
        Arguments.of("empty file", "", "t.yaml:1:1: the file is empty"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformed_scenarios_fail_with_a_located_message(String why, String yaml, String expected) {
    assertThatThrownBy(() -> ScenarioLoader.parse("t.yaml", yaml))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining(expected);
  }

  @Test
  void every_schema_problem_is_listed_with_its_own_location() {
    String yaml = HEAD + "sead: 3\n" + MODEL.replace("unit: second", "unit: minute");
    assertThatThrownBy(() -> ScenarioLoader.parse("t.yaml", yaml))
        .hasMessageStartingWith("t.yaml:3:1: sead: unknown field")
        .hasMessageContaining("\nt.yaml:8:22: models[0].pricing.unit: expected one of");
  }
}
