package dev.vidsim.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** Polls and cancels act as the key that created the job unless a step names another. */
class StepOwnerTest {
  static final String HEAD = """
      schemaVersion: 1
      name: owners
      accounts:
        - { apiKey: sk-a, balance: "5.00" }
        - { apiKey: sk-b, balance: "5.00" }
      models:
        - id: clip
          modes: [text-to-video]
          regions: [us-east]
          pricing: { unit: task, price: "0.50", onFailure: { cancel: refund } }
          latency: { queued: 1s, render: 10m }
      """;

  @Test
  void a_job_created_with_another_key_is_polled_and_cancelled_as_its_owner() {
    CheckResult r = Checker.run(ScenarioLoader.parse("t.yaml", HEAD + """
        script:
          - create: { as: b, apiKey: sk-b, model: clip }
          - poll: { job: b, until: terminal, times: 3, every: 1s, expectStatuses: [200, 200, 200] }
          - poll: { job: b, apiKey: sk-a, expectStatus: 404 }
          - cancel: { job: b, apiKey: sk-a, expectStatus: 404 }
          - cancel: { job: b }
          - poll: { job: b, until: terminal, expectJobStatuses: [cancelled] }
        expect:
          jobs: { b: cancelled }
          balances: { sk-a: "5.00", sk-b: "5.00" }
          requests: { sk-b: { "get 200": 4, "cancel 200": 1 }, sk-a: { "get 404": 1 } }
        """));
    assertThat(r.problems()).containsExactly(
        "step 2 (line 14) poll b: still in_progress after 3 polls");
  }
}
