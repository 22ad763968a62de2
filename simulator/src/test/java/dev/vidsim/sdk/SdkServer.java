package dev.vidsim.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.clock.ClockMode;
import dev.vidsim.engine.Simulator;
import dev.vidsim.http.Json;
import dev.vidsim.http.VidsimServer;
import dev.vidsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in default scenario, as {@code vidsim serve} runs it (accelerated clock), on a free
 * loopback port: what an SDK script polling in real time talks to.
 */
public final class SdkServer implements AutoCloseable {
  /** Simulated seconds per real second: renders of a minute or two take about a second. */
  public static final long CLOCK_FACTOR = 100;
  public final Simulator sim = new Simulator(ScenarioLoader.builtInDefault());
  public final VidsimServer server;

  /** Skips the calling test when node or npm is missing (see {@link NodeScripts}). */
  public SdkServer() {
    NodeScripts.requireSdks();
    sim.setClockMode(ClockMode.ACCELERATED, CLOCK_FACTOR);
    server = VidsimServer.start(sim, 0);
  }

  public String url() {
    return server.baseUrl();
  }

  /** Runs one scenario script as {@code apiKey}; it must exit 0. Returns what it reported. */
  public JsonNode run(String script, String apiKey) {
    NodeScripts.Run r = NodeScripts.run(script, url(), apiKey);
    org.assertj.core.api.Assertions.assertThat(r.exit()).as("%s", r).isZero();
    return r.result();
  }

  public void fault(String json) {
    try {
      JsonNode rule = Json.MAPPER.readTree(json);
      sim.run(e -> e.faults().add(rule));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The journal's lines of one kind (request, response, job_created, ledger, ...). */
  public List<JsonNode> journal(String kind) {
    List<JsonNode> out = new ArrayList<>();
    for (String line : sim.call(e -> e.journal().toJsonl()).split("\n")) {
      if (line.isBlank()) continue;
      try {
        JsonNode n = Json.MAPPER.readTree(line);
        if (n.path("kind").asText().equals(kind)) out.add(n);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  public String balance(String apiKey) {
    return sim.call(e -> e.balance(apiKey)).balance().toString();
  }

  @Override
  public void close() {
    server.close();
    sim.close();
  }
}
