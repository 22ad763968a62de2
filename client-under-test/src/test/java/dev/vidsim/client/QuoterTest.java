package dev.vidsim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.catalog.ModelSpec;
import dev.vidsim.client.catalog.CostQuote;
import dev.vidsim.client.catalog.JobShape;
import dev.vidsim.client.catalog.ModelInfo;
import dev.vidsim.client.catalog.Quoter;
import dev.vidsim.pricing.JobSpec;
import dev.vidsim.pricing.PriceCalculator;
import dev.vidsim.pricing.Quote;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's own quote, from published prices only, agrees with the provider's calculator. */
class QuoterTest {
  static final String ZOO = """
      schemaVersion: 1
      name: pricing-zoo
      seed: 1
      clock: virtual
      currency: USD
      accounts:
        - { apiKey: sk-z, tier: pro, region: us-east, balance: "100.00" }
      models:
        - id: per-5s-block
          modes: [text-to-video, image-to-video]
          resolutions: [720p, 1080p]
          regions: [us-east]
          maxSeconds: 20
          pricing:
            unit: second
            price: "0.07"
            increment: 5
            minimumSeconds: 5
            minimum: "0.40"
            prices:
              - { mode: image-to-video, price: "0.09" }
              - { mode: image-to-video, resolution: 1080p, price: "0.13" }
              - { tier: pro, price: "0.06" }
            billOn: split
            createSharePercent: 33
            flatFee: "0.005"
        - id: tokens-per-million
          modes: [text-to-video]
          resolutions: [720p]
          regions: [us-east]
          maxSeconds: 12
          pricing:
            { unit: token, price: "3.33", per: 1000000, tokensPerSecond: 41667, billOn: create }
        - id: credits-per-video
          modes: [text-to-video]
          resolutions: [720p]
          regions: [us-east]
          maxSeconds: 10
          pricing: { unit: credit, price: "0.012", creditsPerVideo: 37, billOn: delivery }
        - id: frames
          modes: [text-to-video]
          resolutions: [720p]
          regions: [us-east]
          maxSeconds: 10
          pricing:
            unit: image
            imageCount: frames
            framesPerSecond: 24
            price: "0.0004"
            billOn: delivery
        - id: input-images
          modes: [image-to-video]
          resolutions: [720p]
          regions: [us-east]
          maxSeconds: 10
          pricing: { unit: image, price: "0.03", billOn: create }
      """;
  private final SimFixture fx = SimFixture.of(ZOO);

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void client_quotes_match_the_provider_calculator_across_units_rules_and_durations() {
    List<ModelInfo> catalog = fx.client("sk-z").build().models();
    List<ModelSpec> specs = fx.sim.call(e -> e.catalog().all());
    int compared = 0;
    for (ModelSpec spec : specs) {
      ModelInfo info = catalog.stream().filter(m -> m.id().equals(spec.id())).findFirst()
          .orElseThrow();
      for (String mode : spec.modes()) {
        for (String res : spec.resolutions()) {
          for (String s : List.of("1", "2.5", "5", "7.3", "10")) {
            int images = mode.equals("image-to-video") ? 3 : 0;
            BigDecimal seconds = new BigDecimal(s);
            Quote expected = PriceCalculator.quote(spec.pricing(),
                new JobSpec(mode, res, "pro", seconds, images));
            CostQuote q = Quoter.quote(info, new JobShape(mode, res, seconds, null, images), "pro");
            String what = spec.id() + " " + mode + " " + res + " " + s + "s";
            assertThat(q.usage().micros()).as(what).isEqualTo(expected.usage().micros());
            assertThat(q.onCreate().micros()).as(what).isEqualTo(expected.onCreate().micros());
            assertThat(q.held().micros()).as(what).isEqualTo(expected.held().micros());
            assertThat(q.total().micros()).as(what).isEqualTo(expected.total().micros());
            compared++;
          }
        }
      }
    }
    assertThat(compared).isEqualTo(40);
  }

  /** An aggregator's markup on top: the same formula, then + 5.5% rounded up to a micro. */
  @Test
  void client_quotes_add_an_aggregators_markup_as_the_provider_does() {
    BigDecimal markup = new BigDecimal("5.5");
    int compared = 0;
    for (ModelSpec upstream : fx.sim.call(e -> e.catalog().all())) {
      ModelSpec spec = upstream.withPricing(upstream.pricing().withMarkup(markup));
      ModelInfo info = ModelInfo.fromJson(JsonSupport.parseOrEmpty(
          dev.vidsim.http.Wire.model(spec, "USD").toString()));
      for (String s : List.of("1", "2.5", "7.3")) {
        String mode = spec.modes().get(0);
        String res = spec.resolutions().get(0);
        int images = mode.equals("image-to-video") ? 3 : 0;
        BigDecimal seconds = new BigDecimal(s);
        Quote expected = PriceCalculator.quote(spec.pricing(),
            new JobSpec(mode, res, "pro", seconds, images));
        CostQuote q = Quoter.quote(info, new JobShape(mode, res, seconds, null, images), "pro");
        assertThat(q.usage().micros()).as(spec.id() + " " + s + "s")
            .isEqualTo(expected.usage().micros())
            .isGreaterThan(PriceCalculator.quote(upstream.pricing(),
                new JobSpec(mode, res, "pro", seconds, images)).usage().micros());
        compared++;
      }
    }
    assertThat(compared).isEqualTo(15);
  }
}
