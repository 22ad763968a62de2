package dev.vidsim.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.durable.Durable;
import dev.vidsim.durable.FsyncPolicy;
import dev.vidsim.durable.ScenarioRecipe;
import dev.vidsim.engine.Simulator;
import dev.vidsim.faults.SimFixture;
import dev.vidsim.http.HostileRoutes.Route;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of every dialect and of the admin API, valid and refused bodies, against a durable
 * simulator that then "crashes": opened again on its directory, it has the same journal, jobs,
 * ledger and clock. A route that changed state outside a recorded command would show here.
 */
class DurableRoutesTest {
  private static final ScenarioRecipe FIXTURE = ScenarioRecipe.of("fixture.yaml",
      SimFixture.BASE + HostileRoutes.MODELS);
  @TempDir
  Path dir;

  private static String state(Simulator sim) {
    return sim.call(e -> e.journal().toJsonl() + e.jobs().all() + e.ledger().all()
        + e.clock().instant() + e.faults().list().size() + e.tenantList());
  }

  @Test
  void every_route_replays_to_the_same_state_after_a_crash() {
    Durable first = Durable.open(dir, FIXTURE, FsyncPolicy.NEVER, Durable.MAX_BYTES_DEFAULT);
    List<Integer> statuses = new ArrayList<>();
    try (VidsimServer server = VidsimServer.start(first.simulator(), 0)) {
      for (int round = 0; round < 2; round++) {
        for (Route r : HostileRoutes.ALL) {
          List<String> bodies = new ArrayList<>(r.refused());
          bodies.add(0, r.validBody());
          for (String body : bodies) {
            RawHttp.exchange(server.port(), HostileWire.json(r, body))
                .forEach(a -> statuses.add(a.status()));
          }
        }
        RawHttp.exchange(server.port(), HostileWire.raw("POST /_sim/clock/advance HTTP/1.1\r\n"
            + "Host: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
            + "Content-Length: 13\r\n\r\n{\"by\":\"90s\"}"));
      }
    }
    String before = state(first.simulator());
    assertThat(statuses).contains(200, 201, 400, 404);
    assertThat(before).contains("\"kind\":\"job_created\"", "\"kind\":\"fault_added\"");

    Durable second = Durable.open(dir, FIXTURE, FsyncPolicy.NEVER, Durable.MAX_BYTES_DEFAULT);

    assertThat(state(second.simulator())).isEqualTo(before);
    second.close();
    first.close();
  }
}
