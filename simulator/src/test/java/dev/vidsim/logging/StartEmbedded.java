package dev.vidsim.logging;

import dev.vidsim.engine.Simulator;
import dev.vidsim.http.VidsimServer;
import dev.vidsim.scenario.ScenarioLoader;
import org.slf4j.LoggerFactory;

/**
 * Run in a child JVM by {@link FallbackLoggingTest}: starts the simulator embedded, as a user's
 * test would, logs one warning through SLF4J, and prints which logger factory SLF4J bound.
 */
public final class StartEmbedded {
  private StartEmbedded() {}

  public static void main(String[] args) {
    try (Simulator sim = new Simulator(ScenarioLoader.builtInDefault());
         VidsimServer server = VidsimServer.start(sim, 0)) {
      LoggerFactory.getLogger("probe").warn("a warning from {}", "the probe");
      System.out.println("factory=" + LoggerFactory.getILoggerFactory().getClass().getName());
      System.out.println("property=" + System.getProperty("slf4j.provider"));
    }
  }
}
