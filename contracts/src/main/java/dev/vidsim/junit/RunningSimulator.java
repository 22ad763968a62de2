package dev.vidsim.junit;

import dev.vidsim.engine.Simulator;
import dev.vidsim.http.VidsimServer;
import dev.vidsim.scenario.Scenario;
import dev.vidsim.testkit.VidsimAdmin;

/** One simulator and its HTTP server; the JUnit store closes it when its scope ends. */
final class RunningSimulator implements AutoCloseable {
  final Scenario scenario;
  final Simulator simulator;
  final VidsimServer server;
  final VidsimAdmin admin;

  RunningSimulator(Scenario scenario) {
    this.scenario = scenario;
    this.simulator = new Simulator(scenario);
    this.server = VidsimServer.start(simulator, 0);
    this.admin = new VidsimAdmin(server.baseUrl());
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
