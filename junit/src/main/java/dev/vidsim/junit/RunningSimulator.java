package dev.vidsim.junit;

import dev.vidsim.engine.Simulator;
import dev.vidsim.scenario.Scenario;
import dev.vidsim.testkit.VidsimAdmin;

/**
 * One running simulator, in this JVM or in a container; the JUnit store closes it when its
 * scope ends.
 */
abstract class RunningSimulator implements AutoCloseable {
  final Scenario scenario;
  final VidsimAdmin admin;

  RunningSimulator(Scenario scenario, VidsimAdmin admin) {
    this.scenario = scenario;
    this.admin = admin;
  }

  abstract String baseUrl();

  /** The token admin calls must send (header X-Vidsim-Admin-Token); null: none needed. */
  String adminToken() {
    return null;
  }

  /** The in-process simulator; null in a container. */
  abstract Simulator simulator();

  /** Back to the class's scenario: clock, tenants, ledgers, jobs and journal. */
  abstract void reset();

  /** Serves another scenario until {@link #reset()}. */
  abstract void load(Scenario other);

  @Override
  public abstract void close();
}
