package dev.vidsim.client;

/** Scenario files for the client tests. */
final class Scenarios {
  private Scenarios() {}

  /** Models that take hours to render, one with a poll fee, one charged per task on create. */
  static final String SLOW = """
      schemaVersion: 1
      name: slow-renders
      seed: 3
      clock: virtual
      currency: USD
      accounts:
        - { apiKey: sk-a, tier: free, region: us-east, balance: "20.00" }
      models:
        - id: slow-render
          modes: [text-to-video]
          resolutions: [720p]
          regions: [us-east]
          maxSeconds: 10
          defaultSeconds: 5
          pricing: { unit: second, price: "0.10", billOn: delivery, onFailure: { cancel: refund } }
          latency: { queued: 1s, render: 2h }
        - id: slow-task
          modes: [text-to-video]
          resolutions: [720p]
          regions: [us-east]
          maxSeconds: 10
          defaultSeconds: 5
          pricing: { unit: task, price: "0.50", billOn: create }
          latency: { queued: 1s, render: 2h }
        - id: polled
          modes: [text-to-video]
          resolutions: [720p]
          regions: [us-east]
          maxSeconds: 10
          defaultSeconds: 5
          pricing: { unit: video, price: "0.20", billOn: delivery, pollFee: "0.01" }
          latency: { queued: 1s, render: 40s }
      """;
}
