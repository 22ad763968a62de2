package dev.vidsim.junit;

import dev.vidsim.engine.Simulator;
import dev.vidsim.http.VidsimServer;
import dev.vidsim.scenario.Scenario;
import dev.vidsim.testkit.VidsimAdmin;

/** A simulator and its HTTP server in this JVM, on a free loopback port. */
final class InProcessSimulator extends RunningSimulator {
  private final Simulator simulator;
  private final VidsimServer server;

  private InProcessSimulator(Scenario scenario, Simulator simulator, VidsimServer server) {
    super(scenario, new VidsimAdmin(server.baseUrl()));
    this.simulator = simulator;
    this.server = server;
  }

  static InProcessSimulator start(Scenario scenario) {
    Simulator simulator = new Simulator(scenario);
    return new InProcessSimulator(scenario, simulator, VidsimServer.start(simulator, 0));
  }

  @Override
  String baseUrl() {
    return server.baseUrl();
  }

  @Override
  Simulator simulator() {
    return simulator;
  }

  @Override
  void reset() {
    simulator.load(scenario);
  }

  @Override
  void load(Scenario other) {
    simulator.load(other);
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      simulator.close();
    }
  }
}
