package dev.vidsim.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A small client for the simulator's admin API (/_sim): drive the clock, create tenants, inject
 * faults, read the ledger and journal. Works the same against an in-process simulator and a
 * container.
 */
public final class VidsimAdmin {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String adminToken;

  public VidsimAdmin(String baseUrl) {
    this(baseUrl, null);
  }

  public VidsimAdmin(String baseUrl, String adminToken) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.adminToken = adminToken;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public boolean isHealthy() {
    try {
      return send("GET", "/_sim/health", null).statusCode() == 200;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  public void reset() {
    expectOk(send("POST", "/_sim/reset", ""));
  }

  /** Advances the virtual clock, running every job step and expiry due on the way. */
  public JsonNode advance(Duration by) {
    return json(send("POST", "/_sim/clock/advance", "{\"by\":\"" + by.toMillis() + "ms\"}"));
  }

  public JsonNode clock() {
    return json(send("GET", "/_sim/clock", null));
  }

  /** Creates a fresh tenant (API key) with its own balance, so parallel tests never share money. */
  public Tenant createTenant(String balance, String tier, String region) {
    ObjectNode body = JSON.createObjectNode().put("balance", balance);
    if (tier != null) body.put("tier", tier);
    if (region != null) body.put("region", region);
    JsonNode t = json(send("POST", "/_sim/tenants", body.toString()));
    return new Tenant(t.get("apiKey").asText(), t.get("tier").asText(), t.get("region").asText());
  }

  public void topUp(String apiKey, String amount) {
    json(send("POST", "/_sim/tenants/" + encode(apiKey) + "/topup",
        "{\"amount\":\"" + amount + "\"}"));
  }

  /** Ledger lines (and the derived balance) of one tenant. */
  public JsonNode ledger(String apiKey) {
    return json(send("GET", "/_sim/ledger?tenant=" + encode(apiKey), null));
  }

  /** Every tenant's ledger lines, in the order they were written. */
  public JsonNode ledger() {
    return json(send("GET", "/_sim/ledger", null));
  }

  /** Every job of every tenant. */
  public JsonNode jobs() {
    return json(send("GET", "/_sim/jobs", null));
  }

  /** Every tenant: apiKey, tier, region, available. */
  public JsonNode tenants() {
    return json(send("GET", "/_sim/tenants", null));
  }

  public JsonNode jobs(String apiKey) {
    return json(send("GET", "/_sim/jobs?tenant=" + encode(apiKey), null));
  }

  /** Adds a fault rule (same shape as a scenario's faults entry); returns the server's answer. */
  public JsonNode addFault(String faultJson) {
    return json(send("POST", "/_sim/faults", faultJson));
  }

  public void clearFaults() {
    expectOk(send("DELETE", "/_sim/faults", null));
  }

  public void loadScenario(String yaml) {
    expectOk(send("POST", "/_sim/scenario", yaml));
  }

  /** The journal as JSON lines, oldest first. */
  public List<String> journal() {
    String body = expectOk(send("GET", "/_sim/journal", null)).body();
    return body.isEmpty() ? List.of() : List.of(body.split("\n"));
  }

  public record Tenant(String apiKey, String tier, String region) {}

  private HttpResponse<String> send(String method, String path, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) b.header("Content-Type", "application/json");
    if (adminToken != null) b.header("X-Vidsim-Admin-Token", adminToken);
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + method + " " + path, e);
    }
  }

  private static HttpResponse<String> expectOk(HttpResponse<String> r) {
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException("admin call " + r.request().method() + " "
          + r.request().uri().getPath() + " answered " + r.statusCode() + ": " + r.body());
    }
    return r;
  }

  private static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(expectOk(r).body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
