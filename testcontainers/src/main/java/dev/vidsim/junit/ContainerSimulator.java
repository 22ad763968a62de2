package dev.vidsim.junit;

import dev.vidsim.engine.Simulator;
import dev.vidsim.scenario.Scenario;
import dev.vidsim.testcontainers.VidsimContainer;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The simulator in a Docker container ({@link VidsimContainer}, image vidsim:&lt;version&gt;),
 * driven only over HTTP. The scenario is parsed here too, so a bad file fails with its location
 * before any container starts.
 */
final class ContainerSimulator extends RunningSimulator {
  private final VidsimContainer container;

  private ContainerSimulator(Scenario scenario, VidsimContainer container) {
    super(scenario, container.getAdminClient());
    this.container = container;
  }

  static ContainerSimulator start(Settings s) {
    if (s.scenario() != null) {
      throw new ExtensionConfigurationException("container mode serves scenario files: give"
          + " scenario(\"name.yaml\") (a file or classpath resource), not a Scenario object");
    }
    Scenario scenario = s.load();
    VidsimContainer c = new VidsimContainer();
    ScenarioFiles.locate(s.scenarioName()).ifPresent(found -> {
      if (found.file() != null) c.withScenario(found.file());
      else c.withScenarioResource(found.resource());
    });
    if (s.seed() != VidsimTest.SCENARIO_SEED) c.withSeed(s.seed());
    c.start();
    return new ContainerSimulator(scenario, c);
  }

  @Override
  String baseUrl() {
    return container.getBaseUrl();
  }

  @Override
  String adminToken() {
    return container.getAdminToken();
  }

  @Override
  Simulator simulator() {
    return null;
  }

  @Override
  void reset() {
    admin.reset();
  }

  @Override
  void load(Scenario other) {
    throw new ExtensionConfigurationException("@VidsimScenario needs the in-process simulator;"
        + " in container mode give the test class its own @VidsimTest(scenario = ...)");
  }

  @Override
  public void close() {
    container.stop();
  }
}
