package dev.vidsim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.engine.Simulator;
import dev.vidsim.http.VidsimServer;
import dev.vidsim.scenario.ScenarioLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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

  /** Adds a fault rule through the admin API ({@code POST /_sim/faults}); fails unless 2xx. */
  void fault(String rule) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(baseUrl() + "/_sim/faults")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(rule)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
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
