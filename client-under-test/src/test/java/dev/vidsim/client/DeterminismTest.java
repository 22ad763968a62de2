package dev.vidsim.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same scenario, same faults, same seed: the same requests at the same simulated instants. */
class DeterminismTest {
  private static List<String> run(long seed) throws Exception {
    try (SimFixture fx = SimFixture.defaultScenario()) {
      String[] rules = {
          "{\"when\":{\"endpoint\":\"create\",\"nth\":1},\"do\":{\"status\":503}}",
          "{\"when\":{\"endpoint\":\"get\",\"nth\":2},\"do\":{\"status\":500}}"};
      for (String rule : rules) {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(fx.baseUrl() + "/_sim/faults"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(rule)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isBetween(200, 299);
      }
      VideoClient client = fx.client("sk-test-alice").seed(seed).build();
      client.generate(GenerationRequest.builder("a cat").models("reel-1").build());
      client.generate(GenerationRequest.builder("a dog").build());
      return client.requestLog().records().stream().map(RequestRecord::toString).toList();
    }
  }

  @Test
  void the_same_seed_replays_the_same_requests_waits_and_keys() throws Exception {
    List<String> first = run(99);
    List<String> second = run(99);
    List<String> other = run(100);

    assertThat(first).hasSizeGreaterThan(5).isEqualTo(second);
    assertThat(other).isNotEqualTo(first);
  }
}
