package dev.vidsim.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * A client clock for a vidsim simulator whose clock is virtual: {@code now} reads
 * {@code GET /_sim/clock} and {@code sleep} advances it ({@code POST /_sim/clock/advance}), so a
 * ten-minute wait runs in milliseconds. Specific to the simulator; never point it at a provider.
 */
public final class VidsimClock implements ClientClock {
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String adminToken;

  public VidsimClock(String baseUrl, String adminToken) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.adminToken = adminToken;
  }

  /** The simulator's clock mode: "virtual", "real" or "accelerated". */
  public String mode() {
    return JsonSupport.text(clock(), "mode");
  }

  @Override
  public Instant now() {
    return Instant.parse(JsonSupport.text(clock(), "now"));
  }

  @Override
  public void sleep(Duration d) {
    if (d.isZero() || d.isNegative()) return;
    send(request("/_sim/clock/advance").POST(HttpRequest.BodyPublishers.ofString(
        "{\"by\":\"" + d.toMillis() + "ms\"}")).header("Content-Type", "application/json"));
  }

  private JsonNode clock() {
    return send(request("/_sim/clock").GET());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(30));
    if (adminToken != null) b.header("X-Vidsim-Admin-Token", adminToken);
    return b;
  }

  private JsonNode send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("simulator clock call failed: HTTP " + r.statusCode()
            + " " + r.body());
      }
      return JsonSupport.parseOrEmpty(r.body());
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach the simulator clock at " + baseUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
