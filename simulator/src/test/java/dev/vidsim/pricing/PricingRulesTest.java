package dev.vidsim.pricing;

import static dev.vidsim.pricing.PriceCalculatorTest.p;
import static dev.vidsim.pricing.PriceCalculatorTest.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.money.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The edges of a price list as a scenario author meets them: which values a price list accepts,
 * which override prices a job, and what the quote's rule text and quantity read.
 */
class PricingRulesTest {
  private static final JobSpec PRO_1080 = spec("text-to-video", "1080p", "pro", "8", 0);

  @Test
  void a_split_share_is_a_whole_percent_from_1_to_99() {
    assertThat(p(PricingUnit.SECOND, "0.10", BillOn.SPLIT, b -> b.share(1)).createSharePercent())
        .isEqualTo(1);
    assertThat(p(PricingUnit.SECOND, "0.10", BillOn.SPLIT, b -> b.share(99)).createSharePercent())
        .isEqualTo(99);
    for (int share : new int[] {0, 100}) {
      assertThatThrownBy(() -> p(PricingUnit.SECOND, "0.10", BillOn.SPLIT, b -> b.share(share)))
          .hasMessageContaining("createSharePercent between 1 and 99, got " + share);
    }
  }

  @Test
  void an_increment_of_zero_seconds_is_refused() {
    assertThatThrownBy(() -> p(PricingUnit.SECOND, "0.10", BillOn.DELIVERY, b -> b.increment("0")))
        .hasMessageContaining("increment must be positive");
  }

  @Test
  void a_job_of_zero_seconds_is_refused() {
    assertThatThrownBy(() -> spec("text-to-video", "720p", "free", "0", 0))
        .hasMessageContaining("seconds must be positive");
  }

  @Test
  void a_partial_refund_runs_from_nothing_to_everything() {
    Money usage = Money.parse("0.80");
    assertThat(Settlement.parse("partial:0").finalCost(usage)).isEqualTo(Money.ZERO);
    assertThat(Settlement.parse("partial:100").finalCost(usage)).isEqualTo(usage);
    assertThatThrownBy(() -> Settlement.partial(-1)).hasMessageContaining("0..100, got -1");
  }

  @Test
  void failure_policies_read_back_as_they_are_written() {
    for (String text : new String[] {"refund", "keep", "partial:40"}) {
      assertThat(Settlement.parse(text)).hasToString(text);
    }
    assertThat(Settlement.parse("keep")).isEqualTo(Settlement.KEEP);
  }

  @Test
  void bill_on_names_are_the_scenario_words() {
    assertThat(BillOn.values()).extracting(BillOn::wireName)
        .containsExactly("create", "delivery", "split");
    for (BillOn b : BillOn.values()) {
      assertThat(BillOn.parse(b.wireName())).isEqualTo(b);
    }
  }

  @Test
  void the_override_setting_more_fields_wins_whichever_fields_they_are() {
    // the mode-and-resolution override is more specific than the tier-only one, listed first
    Pricing modeAndResolution = p(PricingUnit.SECOND, "0.10", BillOn.DELIVERY, b -> b
        .override(null, null, "pro", "0.30").override("text-to-video", "1080p", null, "0.25"));
    assertThat(PriceCalculator.quote(modeAndResolution, PRO_1080).usage())
        .isEqualTo(Money.parse("2.00"));
    Pricing resolutionAndTier = p(PricingUnit.SECOND, "0.10", BillOn.DELIVERY, b -> b
        .override("text-to-video", null, null, "0.30").override(null, "1080p", "pro", "0.20"));
    assertThat(PriceCalculator.quote(resolutionAndTier, PRO_1080).usage())
        .isEqualTo(Money.parse("1.60"));
  }

  @Test
  void the_rule_text_names_the_minimum_only_when_it_set_the_price() {
    JobSpec eight = spec("text-to-video", "720p", "free", "8", 0);
    Quote lifted = PriceCalculator.quote(
        p(PricingUnit.SECOND, "0.01", BillOn.CREATE, b -> b.minimum("0.25")), eight);
    assertThat(lifted.rule()).isEqualTo("8 second x 0.01 (minimum 0.25)");
    Quote above = PriceCalculator.quote(
        p(PricingUnit.SECOND, "0.10", BillOn.CREATE, b -> b.minimum("0.25")), eight);
    assertThat(above.rule()).isEqualTo("8 second x 0.10");
    Quote free = PriceCalculator.quote(p(PricingUnit.SECOND, "0.00", BillOn.CREATE, b -> b), eight);
    assertThat(free.rule()).isEqualTo("8 second x 0.00");
  }

  @Test
  void billed_seconds_read_as_plain_numbers() {
    // 6 s at a 5 s increment bills 10 s: shown as "10", never as 1E+1
    Quote q = PriceCalculator.quote(
        p(PricingUnit.SECOND, "0.10", BillOn.DELIVERY, b -> b.increment("5")),
        spec("text-to-video", "720p", "free", "6", 0));
    assertThat(q.quantity().toString()).isEqualTo("10");
    assertThat(q.rule()).startsWith("10 second x");
    Pricing halves = p(PricingUnit.SECOND, "0.10", BillOn.DELIVERY, b -> b.increment("0.5"));
    assertThat(PriceCalculator.billedSeconds(halves, new BigDecimal("2.2"))).hasToString("2.5");
  }
}
