package dev.vidsim.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.client.wire.Dialect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runway has no cancel: {@code DELETE} stops a running task but deletes a finished one, so the
 * client reads the task's status before it deletes. That read is a poll as far as the provider
 * is concerned: it keeps the client's poll floor after the last one, whenever the deadline
 * falls.
 */
class RunwayCancelTest {
  /** A Runway model that renders for two hours: every generation meets its deadline. */
  private final SimFixture fx = SimFixture.of("""
      schemaVersion: 1
      name: slow-runway
      seed: 3
      clock: virtual
      currency: USD
      accounts:
        - { apiKey: sk-a, tier: free, region: us-east, balance: "20.00" }
      models:
        - id: gen4.5
          modes: [text-to-video]
          resolutions: ["1280:720"]
          regions: [us-east]
          maxSeconds: 10
          defaultSeconds: 5
          pricing: { unit: second, price: "0.10", billOn: delivery, onFailure: { cancel: refund } }
          latency: { queued: 1s, render: 2h }
      """);

  @AfterEach
  void close() {
    fx.close();
  }

  private JsonNode sheet() throws Exception {
    return JsonSupport.parseOrEmpty(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(fx.baseUrl() + "/v1/models")).header("Authorization", "Bearer sk-a").build(),
        HttpResponse.BodyHandlers.ofString()).body()).path("data");
  }

  @ParameterizedTest
  @ValueSource(ints = {7, 13, 21, 31, 47})
  void the_status_read_before_a_cancel_keeps_the_poll_floor(int deadlineSeconds)
      throws Exception {
    VideoClient client = fx.client("sk-a").dialect(Dialect.RUNWAY, sheet())
        .jobDeadline(Duration.ofSeconds(deadlineSeconds)).build();

    GenerationResult r = client.generate(GenerationRequest.builder("a glacier")
        .models("gen4.5").build());

    assertThat(r.cancelledByClient()).as("a two-hour render is cancelled at its deadline")
        .isTrue();
    List<Instant> reads = fx.sim.call(e -> e.journal().lines(k -> k.equals("request")))
        .stream().map(JsonSupport::parseOrEmpty)
        .filter(j -> "GET".equals(JsonSupport.text(j, "method"))
            && JsonSupport.text(j, "path").startsWith("/runway/v1/tasks/"))
        .map(j -> Instant.parse(JsonSupport.text(j, "t"))).toList();
    Duration floor = client.options().pollPolicy().interval(1, false);
    assertThat(reads).as("status reads").hasSizeGreaterThan(1);
    for (int i = 1; i < reads.size(); i++) {
      assertThat(Duration.between(reads.get(i - 1), reads.get(i)))
          .as("status reads %s then %s, deadline %s s", reads.get(i - 1), reads.get(i),
              deadlineSeconds).isGreaterThanOrEqualTo(floor);
    }
  }
}
