package dev.vidsim.tck.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vidsim.engine.Simulator;
import dev.vidsim.http.VidsimServer;
import dev.vidsim.scenario.Scenario;
import dev.vidsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One in-process simulator and one webhook endpoint, shared by every try of every property in
 * this JVM: each try loads a fresh engine ({@link #reset}) instead of starting a server, which
 * keeps a thousand tries in seconds. Tries run one at a time.
 */
public final class SimHost {
  public static final String SCENARIO_RESOURCE = "/dev/vidsim/tck/property-scenario.yaml";
  private static SimHost shared;
  private final Scenario scenario;
  private final Simulator simulator;
  private final VidsimServer server;
  private final HttpServer hooks;
  private volatile BiConsumer<Map<String, List<String>>, String> receiver;

  private SimHost(Scenario scenario) throws IOException {
    this.scenario = scenario;
    this.simulator = new Simulator(scenario);
    this.server = VidsimServer.start(simulator, 0);
    this.hooks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    hooks.createContext("/hooks", this::deliver);
    hooks.start();
  }

  /** The JVM's host, started on first use; its threads are daemons. */
  public static synchronized SimHost shared() {
    if (shared == null) {
      try {
        shared = new SimHost(loadScenario());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the webhook endpoint", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "vidsim-tck-host-stop"));
    }
    return shared;
  }

  static Scenario loadScenario() {
    try (InputStream in = SimHost.class.getResourceAsStream(SCENARIO_RESOURCE)) {
      return ScenarioLoader.parse("property-scenario.yaml",
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh engine for a new try: clock at the start, no tenants' money, no jobs, no faults. */
  public void reset(BiConsumer<Map<String, List<String>>, String> hook) {
    simulator.load(scenario);
    receiver = hook;
  }

  public Scenario scenario() { return scenario; }
  public Simulator simulator() { return simulator; }
  public String baseUrl() { return server.baseUrl(); }

  public String webhookUrl() {
    return "http://127.0.0.1:" + hooks.getAddress().getPort() + "/hooks";
  }

  /** Whether this simulator delivers webhooks (the webhook faults and checks need it). */
  public boolean hasWebhooks() {
    return true;
  }

  /** The tenant's webhook signing secret, or null while the simulator has no webhook engine. */
  public String webhookSecret(String apiKey) {
    return simulator.call(e -> e.webhooks().secret(apiKey));
  }

  public Instant now() {
    return simulator.call(e -> e.clock().instant());
  }

  /** Advances the virtual clock, running jobs, expiries and webhook deliveries on the way. */
  public void advance(Duration by) {
    if (by.isNegative() || by.isZero()) return;
    simulator.advance(by);
  }

  private void deliver(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(1 << 20);
      }
      var hook = receiver;
      if (hook != null) {
        hook.accept(exchange.getRequestHeaders(), new String(body, StandardCharsets.UTF_8));
      }
      // the simulator's deliveries are authentic: acknowledge them all, duplicates included
      exchange.sendResponseHeaders(204, -1);
    }
  }

  void close() {
    hooks.stop(0);
    server.close();
    simulator.close();
  }
}
