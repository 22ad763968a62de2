package dev.vidsim.cli;

import dev.vidsim.http.VidsimServer;
import dev.vidsim.scenario.Scenario;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** Sends a served simulator one request of each common kind, then stops it. */
final class SelfRequest {
  private SelfRequest() {}

  /** True when every request was answered without a server error. */
  static boolean warmUp(VidsimServer server, Scenario s) throws InterruptedException {
    String key = s.accounts().isEmpty() ? "none" : s.accounts().get(0).apiKey();
    HttpClient http = HttpClient.newHttpClient();
    boolean ok = true;
    try {
      for (String path : List.of("/_sim/health", "/v1/models", "/v1/videos", "/_sim/journal")) {
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .header("Authorization", "Bearer " + key).build();
        int status = http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
        ok &= status < 500;
      }
    } catch (IOException e) {
      ok = false;
    } finally {
      server.close();
    }
    return ok;
  }
}
