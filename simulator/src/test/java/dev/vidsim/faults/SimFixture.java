package dev.vidsim.faults;

import dev.vidsim.engine.Simulator;
import dev.vidsim.http.VidsimServer;
import dev.vidsim.scenario.ScenarioLoader;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** A simulator on a free loopback port with a small catalog, for REST Assured tests. */
public final class SimFixture implements AutoCloseable {
  public static final String ALICE = "sk-alice";
  public static final String BOB = "sk-bob";
  public static final String BASE = """
      schemaVersion: 1
      name: faults-fixture
      seed: 11
      accounts:
        - { apiKey: sk-alice, tier: free, region: us-east, balance: "10.00" }
        - { apiKey: sk-bob, tier: free, region: eu-west, balance: "10.00" }
      models:
        - id: task-1
          modes: [text-to-video]
          regions: [us-east, eu-west]
          maxSeconds: 10
          defaultSeconds: 8
          pricing:
            unit: task
            price: "0.50"
            onFailure: { timeout: keep, error: refund, contentFilter: keep }
          latency: { queued: 2s, render: 60s }
        - id: per-second
          modes: [text-to-video]
          regions: [us-east, eu-west]
          maxSeconds: 10
          defaultSeconds: 8
          pricing: { unit: second, price: "0.10", billOn: delivery, pollFee: "0.01" }
          latency: { queued: 2s, render: 60s }
      """;
  public final Simulator sim;
  public final VidsimServer server;

  public SimFixture(String extraYaml) {
    this(BASE + extraYaml, true);
  }

  private SimFixture(String yaml, boolean whole) {
    sim = new Simulator(ScenarioLoader.parse("fixture.yaml", yaml));
    server = VidsimServer.start(sim, 0);
  }

  /** A fixture on a whole scenario text (e.g. BASE with an account edited). */
  public static SimFixture of(String yaml) {
    return new SimFixture(yaml, true);
  }

  public SimFixture() {
    this("");
  }

  public RequestSpecification as(String apiKey) {
    return RestAssured.given().baseUri(server.baseUrl()).header("Authorization", "Bearer " + apiKey)
        .contentType("application/json");
  }

  public RequestSpecification admin() {
    return RestAssured.given().baseUri(server.baseUrl()).contentType("application/json");
  }

  public static String create(String model) {
    return "{\"model\":\"" + model + "\",\"prompt\":\"a cat\"}";
  }

  public String addFault(String json) {
    return admin().body(json).post("/_sim/faults").then().statusCode(201).extract().path("id");
  }

  public void advance(String by) {
    admin().body("{\"by\":\"" + by + "\"}").post("/_sim/clock/advance").then().statusCode(200);
  }

  public String balance(String apiKey) {
    return admin().get("/_sim/ledger?tenant=" + apiKey).then().extract().path("balance.balance");
  }

  public int ledgerLines(String apiKey) {
    return admin().get("/_sim/ledger?tenant=" + apiKey).then().extract().path("data.size()");
  }

  @Override
  public void close() {
    server.close();
    sim.close();
  }
}
