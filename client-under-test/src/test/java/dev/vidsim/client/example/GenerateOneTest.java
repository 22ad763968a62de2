package dev.vidsim.client.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.engine.Simulator;
import dev.vidsim.http.VidsimServer;
import dev.vidsim.scenario.ScenarioLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GenerateOneTest {
  @Test
  void the_example_generates_one_video_on_a_virtual_clock_and_prints_a_balanced_bill() {
    try (Simulator sim = new Simulator(ScenarioLoader.builtInDefault());
         VidsimServer server = VidsimServer.start(sim, 0)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();

      int exit = GenerateOne.run(new String[] {server.baseUrl(), "sk-test-alice", "a cat", "6",
          "reel-1"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));

      String out = bytes.toString(StandardCharsets.UTF_8);
      assertThat(exit).as(out).isZero();
      assertThat(out).contains("succeeded").contains("expectedCost=0.60")
          .contains("create POST /v1/videos attempt=1 status=201")
          .contains("reconciliation: expected 0.60, charged 0.60: balanced");
    }
  }
}
