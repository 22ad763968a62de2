package dev.vidsim.engine;

import dev.vidsim.jobs.CreateRequest;

import dev.vidsim.scenario.Scenario;
import dev.vidsim.scenario.ScenarioLoader;

/** Small scenarios for engine tests: one model per billing style, fixed latencies. */
final class TestScenarios {
  static final String KEY = "sk-a";

  private TestScenarios() {}

  static Scenario billing(String seedLine) {
    return ScenarioLoader.parse("billing.yaml", """
        schemaVersion: 1
        name: billing
        %s
        contentTtl: 1h
        idempotencyTtl: 24h
        accounts:
          - { apiKey: sk-a, tier: free, region: us-east, balance: "10.00" }
          - { apiKey: sk-poor, tier: free, region: us-east, balance: "0.30" }
          - { apiKey: sk-eu, tier: free, region: eu-west, balance: "10.00" }
        models:
          - id: per-second
            modes: [text-to-video]
            regions: [us-east]
            pricing: { unit: second, price: "0.10", billOn: delivery,
                       onFailure: { error: refund, timeout: keep, cancel: partial:50 } }
            latency: { queued: 2s, render: 60s }
          - id: on-create
            modes: [text-to-video]
            regions: [us-east]
            pricing: { unit: second, price: "0.10", billOn: create,
                       onFailure: { error: refund, timeout: keep, cancel: partial:25 } }
            latency: { queued: 2s, render: 60s }
          - id: split
            modes: [text-to-video]
            regions: [us-east]
            pricing: { unit: second, price: "0.10", billOn: split, createSharePercent: 25,
                       flatFee: "0.01", onFailure: { error: refund, timeout: keep,
                           cancel: partial:10 } }
            latency: { queued: 2s, render: 60s }
          - id: task
            modes: [text-to-video]
            regions: [us-east]
            pricing: { unit: task, price: "0.05", pollFee: "0.001" }
            latency: { queued: 1s..5s, render: 10s..50s }
          - id: pro-only
            modes: [text-to-video]
            regions: [us-east]
            tiers: [pro]
            pricing: { unit: video, price: "1.00" }
          - id: eu-pro
            modes: [text-to-video]
            regions: [eu-west]
            tiers: [pro]
            pricing: { unit: video, price: "1.00" }
        """.formatted(seedLine));
  }

  /** The refusal a call ends in; fails the test when the call succeeds. */
  static dev.vidsim.errors.SimException refused(Runnable call) {
    try {
      call.run();
    } catch (dev.vidsim.errors.SimException e) {
      return e;
    }
    throw new AssertionError("expected a refusal");
  }

  static CreateRequest request(String model, int seconds) {
    return new CreateRequest(model, "a cat", null, java.math.BigDecimal.valueOf(seconds), null,
        null, null);
  }
}
