package dev.vidsim.aggregator;

import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.scenario.Scenario;
import dev.vidsim.scenario.ScenarioLoader;
import java.math.BigDecimal;
import java.util.Map;

/** A small aggregator over three catalog models with different prices, regions and tiers. */
final class AggregatorScenarios {
  static final String US = "sk-us";
  static final String EU = "sk-eu";

  private AggregatorScenarios() {}

  static Scenario pools(String aggregators) {
    return ScenarioLoader.parse("pools.yaml", """
        schemaVersion: 1
        name: pools
        seed: 3
        accounts:
          - { apiKey: sk-us, tier: free, region: us-east, balance: "20.00" }
          - { apiKey: sk-eu, tier: free, region: eu-west, balance: "20.00" }
        models:
          - id: vertex-veo
            modes: [text-to-video]
            regions: [us-east, eu-west]
            maxSeconds: 8
            pricing: { unit: second, price: "0.40", billOn: delivery }
            latency: { queued: 2s, render: 60s }
          - id: fal-veo
            modes: [text-to-video]
            regions: [us-east]
            maxSeconds: 10
            pricing: { unit: second, price: "0.50", billOn: delivery }
            latency: { queued: 2s, render: 60s }
          - id: pro-veo
            modes: [text-to-video]
            regions: [us-east, eu-west]
            tiers: [pro]
            pricing: { unit: second, price: "0.30", billOn: delivery }
            latency: { queued: 2s, render: 60s }
        %s
        """.formatted(aggregators));
  }

  static Scenario standard() {
    return pools("""
        aggregators:
          openrouter:
            markupPercent: "5.5"
            models:
              - id: google/veo-3.1
                upstreams:
                  - { provider: vertex, model: vertex-veo }
                  - { provider: fal, model: fal-veo }
              - id: us-first
                upstreams:
                  - { provider: pro, model: pro-veo }
                  - { provider: fal, model: fal-veo }
                  - { provider: vertex, model: vertex-veo }
        """);
  }

  static CreateRequest create(String model, int seconds) {
    return new CreateRequest(model, "a paper boat", null, BigDecimal.valueOf(seconds), null,
        null, null, "openrouter", Map.of(), null);
  }
}
