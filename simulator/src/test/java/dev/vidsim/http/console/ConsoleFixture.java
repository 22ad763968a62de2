package dev.vidsim.http.console;

import com.sun.net.httpserver.HttpServer;
import dev.vidsim.engine.Simulator;
import dev.vidsim.http.VidsimServer;
import dev.vidsim.scenario.ScenarioLoader;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulator with something of everything for the console: jobs in every status, ledger lines
 * of every type, an SDK retry, a 404 and a fault that fired, and webhook attempts that were
 * answered 500 and then 200 by a receiver on loopback. Alice's jobs, in order: A expired (after
 * delivery), B expired (per-second, with the webhook), C failed (refunded), D timed out (hold
 * released), F succeeded (sent as an SDK retry), G in progress (held), H queued; Bob's E is
 * cancelled.
 */
final class ConsoleFixture implements AutoCloseable {
  static final String ALICE = "sk-alice";
  static final String BOB = "sk-bob";
  private static final String SCENARIO = """
      schemaVersion: 1
      name: console-fixture
      seed: 7
      contentTtl: 30m
      # a loaded build machine must not turn the receiver's quick answer into a timeout
      webhooks: { timeout: 30s }
      accounts:
        - { apiKey: sk-alice, tier: free, region: us-east, balance: "10.00" }
        - { apiKey: sk-bob, tier: free, region: us-east, balance: "5.00" }
      models:
        - id: task-1
          modes: [text-to-video]
          regions: [us-east]
          defaultSeconds: 8
          pricing:
            unit: task
            price: "0.50"
            onFailure: { timeout: keep, error: refund, cancel: keep }
          latency: { queued: 2s, render: 60s }
        - id: per-second
          modes: [text-to-video]
          regions: [us-east]
          defaultSeconds: 8
          pricing: { unit: second, price: "0.10", billOn: delivery }
          latency: { queued: 2s, render: 60s }
      """;
  final Simulator sim = new Simulator(ScenarioLoader.parse("console.yaml", SCENARIO));
  final VidsimServer server = VidsimServer.start(sim, 0);
  private final HttpServer receiver;
  final AtomicInteger hooksReceived = new AtomicInteger();

  ConsoleFixture() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hooks", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(hooksReceived.incrementAndGet() == 1 ? 500 : 200, -1);
      exchange.close();
    });
    receiver.start();
  }

  /** Runs the story; returns this. Every step checks its status, so a broken step fails here. */
  ConsoleFixture populate() {
    create(ALICE, "task-1", "A", null);
    create(ALICE, "per-second", "B", "http://127.0.0.1:" + receiver.getAddress().getPort()
        + "/hooks");
    advance("2m");
    String c = create(ALICE, "task-1", "C", null);
    admin().body("{\"kind\":\"error\",\"message\":\"render node crashed\"}")
        .post("/_sim/jobs/" + c + "/fail").then().statusCode(200);
    String d = create(ALICE, "per-second", "D", null);
    admin().body("{\"kind\":\"timeout\"}").post("/_sim/jobs/" + d + "/fail").then()
        .statusCode(200);
    String e = create(BOB, "task-1", "E", null);
    as(BOB).post("/v1/videos/" + e + "/cancel").then().statusCode(200);
    as(ALICE).body("{\"model\":\"no-such-model\",\"prompt\":\"x\"}").post("/v1/videos").then()
        .statusCode(404);
    admin().body("{\"when\":{\"endpoint\":\"balance\"},\"do\":{\"status\":503}}")
        .post("/_sim/faults").then().statusCode(201);
    as(BOB).get("/v1/account/balance").then().statusCode(503);
    advance("31m");
    as(ALICE).header("X-Stainless-Retry-Count", "1").body(body("task-1", "F"))
        .post("/v1/videos").then().statusCode(201);
    advance("2m");
    create(ALICE, "per-second", "G", null);
    advance("5s");
    create(ALICE, "task-1", "H", null);
    return this;
  }

  String create(String tenant, String model, String prompt, String webhookUrl) {
    String hook = webhookUrl == null ? "" : ",\"webhookUrl\":\"" + webhookUrl + "\"";
    return as(tenant).body(body(model, prompt).replace("}", hook + "}")).post("/v1/videos")
        .then().statusCode(201).extract().path("id");
  }

  private static String body(String model, String prompt) {
    return "{\"model\":\"" + model + "\",\"prompt\":\"" + prompt + "\"}";
  }

  void advance(String by) {
    admin().body("{\"by\":\"" + by + "\"}").post("/_sim/clock/advance").then().statusCode(200);
  }

  RequestSpecification as(String apiKey) {
    return RestAssured.given().baseUri(server.baseUrl()).contentType("application/json")
        .header("Authorization", "Bearer " + apiKey);
  }

  RequestSpecification admin() {
    return RestAssured.given().baseUri(server.baseUrl()).contentType("application/json");
  }

  @Override
  public void close() {
    server.close();
    sim.close();
    receiver.stop(0);
  }
}
