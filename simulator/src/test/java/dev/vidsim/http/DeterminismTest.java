package dev.vidsim.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.engine.Simulator;
import dev.vidsim.scenario.ScenarioLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The same scenario, seed and requests give a byte-identical journal over real HTTP. */
class DeterminismTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static String run(long seed) throws Exception {
    try (Simulator sim = new Simulator(ScenarioLoader.builtInDefault().withSeed(seed));
         VidsimServer server = VidsimServer.start(sim, 0)) {
      String u = server.baseUrl();
      for (String model : List.of("reel-1", "studio-credits", "clip-video", "reel-1")) {
        send(u, "POST", "/v1/videos", "{\"model\":\"" + model + "\",\"prompt\":\"p\"}", "k-"
            + model);
      }
      send(u, "POST", "/_sim/clock/advance", "{\"by\":\"40s\"}", null);
      send(u, "GET", "/v1/videos", null, null);
      send(u, "POST", "/_sim/clock/advance", "{\"by\":\"5m\"}", null);
      send(u, "GET", "/v1/account/usage", null, null);
      return send(u, "GET", "/_sim/journal", null, null);
    }
  }

  private static String send(String base, String method, String path, String body, String key)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer sk-test-alice")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) b.header("Idempotency-Key", key);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String renderTimes(String journal) {
    return journal.lines().filter(l -> l.contains("\"kind\":\"state\""))
        .map(l -> l.replaceAll(".*\"t\":\"([^\"]+)\".*\"to\":\"([a-z_]+)\".*", "$1 $2"))
        .collect(Collectors.joining("\n"));
  }

  @Test
  void the_same_seed_gives_a_byte_identical_journal() throws Exception {
    String first = run(7);
    String second = run(7);
    assertThat(first).isEqualTo(second);
    assertThat(first.lines().count()).isGreaterThan(20);
    assertThat(first).contains("\"kind\":\"request\"", "\"kind\":\"response\"",
        "\"kind\":\"ledger\"", "\"kind\":\"state\"");
  }

  @Test
  void a_different_seed_draws_different_latencies_and_ids() throws Exception {
    String seven = run(7);
    String eight = run(8);
    assertThat(renderTimes(seven)).isNotEqualTo(renderTimes(eight));
    assertThat(seven).isNotEqualTo(eight);
  }
}
