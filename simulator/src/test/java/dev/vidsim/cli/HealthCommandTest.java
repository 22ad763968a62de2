package dev.vidsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.engine.Simulator;
import dev.vidsim.http.VidsimServer;
import dev.vidsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** {@code vidsim health}, which the Docker image's HEALTHCHECK runs. */
class HealthCommandTest {
  @Test
  void exits_0_when_the_simulator_answers_on_its_health_url() {
    try (VidsimServer server = VidsimServer.start(defaultSimulator(), 0)) {
      assertThat(Main.execute("health", "--url", server.baseUrl() + "/_sim/health")).isZero();
    }
  }

  @Test
  void exits_1_when_nothing_answers_or_the_answer_is_not_200() {
    int port;
    try (VidsimServer server = VidsimServer.start(defaultSimulator(), 0)) {
      port = server.port();
      assertThat(Main.execute("health", "--url", server.baseUrl() + "/_sim/nope")).isEqualTo(1);
    }
    assertThat(Main.execute("health", "--url", "http://127.0.0.1:" + port + "/_sim/health",
        "--timeout-ms", "500")).isEqualTo(1);
  }

  private static Simulator defaultSimulator() {
    return new Simulator(ScenarioLoader.builtInDefault());
  }
}
