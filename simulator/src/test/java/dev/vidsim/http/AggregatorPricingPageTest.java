package dev.vidsim.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.faults.SimFixture;
import io.restassured.RestAssured;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pricing page's aggregator section against real runs: every row of every upstream of an
 * aggregator model is what a job through the aggregator costs when that upstream runs it, the
 * first choice as the usual route and the second after a fallback (an outage of the first).
 */
class AggregatorPricingPageTest {
  static final String POOL = """
        - id: veo-3.1-generate-001
          modes: [text-to-video, image-to-video]
          resolutions: [720p, 4k]
          regions: [us-east]
          minSeconds: 4
          maxSeconds: 8
          defaultSeconds: 8
          pricing: { unit: second, price: "0.40", billOn: delivery,
                     prices: [ { resolution: 4k, price: "0.60" } ] }
          latency: { queued: 2s, render: 60s }
        - id: fal-ai/veo3.1
          modes: [text-to-video, image-to-video]
          resolutions: [720p, 4k]
          regions: [us-east]
          minSeconds: 4
          maxSeconds: 8
          defaultSeconds: 6
          pricing: { unit: second, price: "0.50", billOn: delivery }
          latency: { queued: 2s, render: 60s }
      aggregators:
        openrouter:
          markupPercent: "5.5"
          models:
            - id: google/veo-3.1
              upstreams:
                - { provider: google-vertex, model: veo-3.1-generate-001 }
                - { provider: fal, model: fal-ai/veo3.1 }
      """;
  private final SimFixture fx = SimFixture.of(SimFixture.BASE + POOL);

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void every_upstream_row_is_what_a_run_through_the_aggregator_costs_fallback_included() {
    JsonNode model = page().get("aggregators").get(0).get("models").get(0);
    assertThat(model.get("formula").asText()).contains("google-vertex (veo-3.1-generate-001),"
        + " then fal (fal-ai/veo3.1)").contains("plus 5.5% of that");
    int runs = 0;
    for (JsonNode upstream : model.get("upstreams")) {
      // the second upstream runs only when the first is down
      if (runs > 0) {
        fx.addFault("{\"when\":{\"upstream\":\"google-vertex\"},\"do\":{\"status\":503}}");
      }
      for (JsonNode row : upstream.get("prices")) {
        String key = "sk-agg-" + runs++;
        fx.admin().body("{\"apiKey\":\"" + key + "\",\"balance\":\"100.00\",\"region\":"
            + "\"us-east\"}").post("/_sim/tenants").then().statusCode(201);
        JsonNode video = run(key, row);
        String what = upstream.get("provider").asText() + " " + row;
        assertThat(video.get("provider").asText()).as(what)
            .isEqualTo(upstream.get("provider").asText());
        String total = row.get("quote").get("total").asText();
        assertThat(video.get("usage").get("cost").decimalValue()).as(what)
            .isEqualByComparingTo(total);
        assertThat(new BigDecimal("100.00").subtract(new BigDecimal(fx.balance(key))))
            .as(what + ": the ledger").isEqualByComparingTo(total);
      }
    }
    // 2 modes x 2 resolutions per upstream; 8 s at 0.40 + 5.5% = 3.376, 6 s at 0.50 = 3.165
    assertThat(runs).isEqualTo(8);
    assertThat(model.get("upstreams").get(0).get("prices").get(0).get("quote").get("total")
        .asText()).isEqualTo("3.376");
    assertThat(model.get("upstreams").get(1).get("prices").get(0).get("quote").get("total")
        .asText()).isEqualTo("3.165");
  }

  @Test
  void a_browser_gets_the_pool_the_markup_and_each_upstreams_price() {
    fx.admin().header("Accept", "text/html").get("/_sim/pricing").then().statusCode(200)
        .body(containsString("<h1>Aggregator: openrouter</h1><p class=d>Markup 5.5%"))
        .body(containsString("<h2 id=\"openrouter:google/veo-3.1\">google/veo-3.1</h2>"))
        .body(containsString("<tr><td>fal<td>fal-ai/veo3.1<td>text-to-video<td>720p<td>any"
            + "<td class=n>6<td class=n>3.165"));
  }

  private JsonNode page() {
    return Json.parse(fx.admin().get("/_sim/pricing").then().statusCode(200).extract()
        .asString());
  }

  /** Creates the row's job through the aggregator, lets it finish, returns the video. */
  private JsonNode run(String key, JsonNode row) {
    String image = row.get("inputImages").asInt() == 0 ? "" : ",\"frame_images\":[{\"type\":"
        + "\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\"},"
        + "\"frame_type\":\"first_frame\"}]";
    var api = RestAssured.given().baseUri(fx.server.dialectBaseUrl("openrouter"))
        .header("Authorization", "Bearer " + key).contentType("application/json");
    String id = api.body("{\"model\":\"google/veo-3.1\",\"prompt\":\"p\",\"duration\":"
            + row.get("seconds").asText() + ",\"resolution\":\""
            + row.get("resolution").asText().toUpperCase(java.util.Locale.ROOT)
                .replace("P", "p") + "\"" + image + "}")
        .post("/videos").then().statusCode(202).extract().path("id");
    fx.advance("5m");
    return Json.parse(RestAssured.given().baseUri(fx.server.dialectBaseUrl("openrouter"))
        .header("Authorization", "Bearer " + key).get("/videos/" + id).then().statusCode(200)
        .extract().asString());
  }
}
