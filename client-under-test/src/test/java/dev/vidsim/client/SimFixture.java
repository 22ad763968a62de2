package dev.vidsim.client;

import dev.vidsim.engine.Simulator;
import dev.vidsim.http.VidsimServer;
import dev.vidsim.scenario.ScenarioLoader;

/** A real simulator on a free loopback port, plus a client clock that drives its virtual time. */
final class SimFixture implements AutoCloseable {
  final Simulator sim;
  final VidsimServer server;
  final SimClock clock;

  SimFixture(Simulator sim) {
    this.sim = sim;
    this.server = VidsimServer.start(sim, 0);
    this.clock = new SimClock(sim);
  }

  static SimFixture defaultScenario() {
    return new SimFixture(new Simulator(ScenarioLoader.builtInDefault()));
  }

  static SimFixture of(String yaml) {
    return new SimFixture(new Simulator(ScenarioLoader.parse("t.yaml", yaml)));
  }

  String baseUrl() {
    return server.baseUrl();
  }

  VideoClientBuilder client(String apiKey) {
    return VideoClient.builder(baseUrl(), apiKey).clock(clock).seed(7);
  }

  @Override
  public void close() {
    server.close();
    sim.close();
  }
}
