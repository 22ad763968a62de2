package dev.vidsim.tck.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.check.CheckResult;
import dev.vidsim.check.Checker;
import dev.vidsim.scenario.ScenarioLoader;
import dev.vidsim.tck.Generation;
import dev.vidsim.tck.reference.ReferenceClientFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run written as a scenario replays, under vidsim check, to exactly the same end state. */
class ScenarioWriterTest {
  private static Generation generation(String id, String model, boolean webhook) {
    return new Generation(id, "a cat surfing", List.of(model), "text-to-video",
        BigDecimal.valueOf(4), null, null, webhook);
  }

  @Test
  void a_run_with_lost_responses_retries_and_webhooks_replays_to_the_same_state() {
    World w = new World(new ReferenceClientFactory());
    try {
      w.addFault("{\"when\":{\"endpoint\":\"create\",\"times\":1},\"do\":{\"lostResponse\":true}}");
      w.remember(generation("g1", "clip-video", false));
      w.guarded("submit g1", () -> w.client().submit(w.generations().get("g1")));
      w.addFault("{\"when\":{\"endpoint\":\"get\",\"times\":2},\"do\":{\"status\":429,"
          + "\"retryAfter\":\"7s\"}}");
      w.guarded("await g1", () -> w.client().await("g1"));
      w.topUp("5.00");
      w.remember(generation("g2", "quick-task", false));
      w.guarded("submit g2", () -> w.client().submit(w.generations().get("g2")));
      w.host().advance(Duration.ofSeconds(3));
      w.guarded("cancel g2", () -> {
        w.client().cancel("g2");
        return null;
      });
      String yaml = ScenarioWriter.write(w, "example");
      assertThat(yaml).contains("fault: {\"when\"", "- create: { as: j1", "lostResponse",
          "expectStatus: 500", "expectStatus: 429", "- list: { idempotencyKey:",
          "- poll: { job: j1", "- cancel: { job: j2", "- topup: {", "expect:",
          "capture 0.35 j1");
      CheckResult replay = Checker.run(ScenarioLoader.parse("tck-failure.yaml", yaml));
      assertThat(replay.problems()).as(yaml).isEmpty();
    } finally {
      w.close();
    }
  }
}
