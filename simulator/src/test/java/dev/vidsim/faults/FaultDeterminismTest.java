package dev.vidsim.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.check.HookReceiver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same seed, same requests, same receiver answers: a byte-identical journal, faults included. */
class FaultDeterminismTest {
  private static final String RULES = """
      faults:
        - { when: { endpoint: create, probability: 0.4 }, do: { status: 503 } }
        - { when: { endpoint: any }, do: { latency: 10ms..900ms } }
        - { when: { model: task-1, probability: 0.5 }, do: { outcome: error } }
        - { when: { probability: 0.3 }, do: { webhook: duplicate } }
      """;

  private static String run(long seed, HookReceiver receiver) {
    String yaml = SimFixture.BASE.replace("seed: 11", "seed: " + seed) + RULES;
    try (SimFixture sim = SimFixture.of(yaml)) {
      receiver.answer(List.of(500, 200, 500));
      for (int i = 0; i < 12; i++) {
        sim.as(SimFixture.ALICE).header("Idempotency-Key", "k" + i)
            .body("{\"model\":\"task-1\",\"prompt\":\"p" + i + "\",\"webhookUrl\":\""
                + receiver.url() + "\"}").post("/v1/videos");
        sim.as(SimFixture.ALICE).get("/v1/account/balance");
      }
      sim.advance("10m");
      return sim.admin().get("/_sim/journal").asString();
    }
  }

  @Test
  void the_same_seed_gives_the_same_journal_with_faults_and_webhooks() {
    try (HookReceiver receiver = new HookReceiver()) {
      String first = run(5, receiver);
      String second = run(5, receiver);
      assertThat(first).isEqualTo(second);
      assertThat(first).contains("\"kind\":\"fault\"", "\"kind\":\"fault_outcome\"",
          "\"kind\":\"webhook_attempt\"", "\"kind\":\"webhook_retry\"", "\"kind\":\"latency\"");
      assertThat(run(6, receiver)).isNotEqualTo(first);
    }
  }
}
