package dev.vidsim.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.money.Money;
import dev.vidsim.pricing.PriceCalculator;
import dev.vidsim.scenario.ScenarioException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Bad aggregator configuration is a located scenario error; the markup's rounding rule. */
class PoolConfigTest {
  private static String aggregator(String markup, String upstreams) {
    return """
        aggregators:
          openrouter:
            markupPercent: %s
            models:
              - id: google/veo-3.1
                upstreams: %s
        """.formatted(markup, upstreams);
  }

  @Test
  void an_unknown_upstream_model_is_a_located_error_naming_the_catalog() {
    assertThatThrownBy(() -> AggregatorScenarios.pools(aggregator("\"5\"",
        "[{ provider: vertex, model: veo-9 }]")))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith("pools.yaml:31:48: aggregators.openrouter.models[0].upstreams[0]"
            + ".model: unknown upstream model \"veo-9\"; it must be a model of this scenario:"
            + " [fal-veo, pro-veo, vertex-veo]");
  }

  @Test
  void an_empty_pool_is_a_located_error() {
    assertThatThrownBy(() -> AggregatorScenarios.pools(aggregator("\"5\"", "[]")))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("aggregators.openrouter.models[0].upstreams: empty pool");
  }

  @Test
  void a_negative_or_unquoted_markup_is_a_located_error() {
    assertThatThrownBy(() -> AggregatorScenarios.pools(aggregator("\"-2\"",
        "[{ provider: vertex, model: vertex-veo }]")))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("aggregators.openrouter.markupPercent: a markup must not be"
            + " negative, got -2");
    assertThatThrownBy(() -> AggregatorScenarios.pools(aggregator("5.5",
        "[{ provider: vertex, model: vertex-veo }]")))
        .hasMessageContaining("markupPercent: expected a value of type string, got 5.5");
  }

  @Test
  void the_markup_is_rounded_up_to_a_whole_micro_unit_like_every_charge() {
    BigDecimal pct = new BigDecimal("5.5");
    assertThat(PriceCalculator.markedUp(Money.parse("3.20"), pct)).hasToString("3.376");
    assertThat(PriceCalculator.markedUp(Money.parse("0.000001"), pct)).hasToString("0.000002");
    assertThat(PriceCalculator.markedUp(Money.parse("0.10"), new BigDecimal("33.3333")))
        .hasToString("0.133334");
    assertThat(PriceCalculator.markedUp(Money.parse("0.10"), BigDecimal.ZERO))
        .hasToString("0.10");
  }
}
