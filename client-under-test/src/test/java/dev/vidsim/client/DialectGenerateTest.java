package dev.vidsim.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.client.wire.Dialect;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The client in each provider dialect against {@code ./vidsim serve}'s default scenario: one
 * generation on the provider's own model (the aggregator's own id on OpenRouter), polled to
 * success through the provider's API, its delivered video located, and its cost as the
 * integrator's price sheet says and the provider charged.
 */
class DialectGenerateTest {
  private final SimFixture fx = SimFixture.defaultScenario();

  @AfterEach
  void close() {
    fx.close();
  }

  @ParameterizedTest
  @CsvSource({"OPENAI, sora-2, 720x1280, 0.80, /openai/v1/videos/",
      "REPLICATE, google/veo-3.1, 720p, 3.20, /replicate/delivery/",
      "FAL, fal-ai/veo3.1, 720p, 3.20, /fal/queue/fal-ai/veo3.1/requests/",
      "GEMINI, veo-3.1-generate-001, 720p, 3.20, https://generativelanguage",
      "VERTEX, veo-3.1-generate-001, 720p, 3.20, data:",
      "RUNWAY, gen4.5, 1280:720, 0.96, /runway/outputs/",
      "OPENROUTER, google/veo-3.1, 720p, 3.376, /openrouter/api/v1/videos/"})
  void generates_on_the_providers_model_through_its_own_api(Dialect d, String model,
                                                            String resolution, String cost,
                                                            String location) {
    VideoClient client = fx.client("sk-test-alice").dialect(d, d == Dialect.OPENROUTER
        ? aggregatorSheet() : priceSheet()).build();

    GenerationResult r = client.generate(GenerationRequest.builder("a cat surfing")
        .models(model).seconds(8).resolution(resolution).build());

    assertThat(r.status()).isEqualTo("succeeded");
    assertThat(r.job().model()).isEqualTo(model);
    assertThat(r.expectedCost()).isEqualTo(Amount.parse(cost));
    assertThat(charged()).isEqualTo(Amount.parse(cost));
    if (d != Dialect.VERTEX) assertThat(r.job().contentUrl()).contains(location);
    else assertThat(r.job().contentUrl()).as("Vertex answers the bytes inline").isNull();
  }

  /** The integrator's sheet: here, the models and prices vidsim's own catalog lists. */
  private JsonNode priceSheet() {
    try {
      var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(fx.baseUrl()
          + "/v1/models")).header("Authorization", "Bearer sk-test-alice").build();
      String body = java.net.http.HttpClient.newHttpClient().send(request,
          java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      return JsonSupport.parseOrEmpty(body).path("data");
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** OpenRouter's own ids, priced as the pool's first upstream plus the markup. */
  private JsonNode aggregatorSheet() {
    var sheet = JsonSupport.MAPPER.createArrayNode();
    fx.sim.call(e -> e.aggregatedModels("sk-test-alice", "openrouter")).forEach(o -> sheet.add(
        JsonSupport.parseOrEmpty(dev.vidsim.http.Wire.model(o.model().withId(o.id()), "USD")
            .toString())));
    return sheet;
  }

  private Amount charged() {
    List<String> charges = fx.sim.call(e -> e.jobs().all().stream()
        .map(j -> j.charged().toString()).toList());
    return charges.stream().map(Amount::parse).reduce(Amount.ZERO, Amount::plus);
  }
}
