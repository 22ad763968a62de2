package dev.vidsim.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.engine.Simulator;
import dev.vidsim.http.VidsimServer;
import dev.vidsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** The testkit's dialect paths are the ones the simulator serves, every one of them. */
class DialectPathsTest {
  @Test
  void every_dialect_the_server_serves_has_its_base_path_here() {
    try (Simulator sim = new Simulator(ScenarioLoader.builtInDefault());
         VidsimServer server = VidsimServer.start(sim, 0)) {
      assertThat(server.dialectPaths()).containsKey("runway");
      server.dialectPaths().forEach((name, path) ->
          assertThat(DialectPaths.pathOf(name)).as(name).isEqualTo(path));
    }
  }
}
