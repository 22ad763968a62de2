package dev.vidsim.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.money.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PriceCalculatorTest {
  private static final JobSpec EIGHT_SECONDS_720 = spec("text-to-video", "720p", "free", "8", 0);

  static JobSpec spec(String mode, String resolution, String tier, String seconds, int images) {
    return new JobSpec(mode, resolution, tier, new BigDecimal(seconds), images);
  }

  /** A base price list, tweaked per row; only the named rule differs from the neutral default. */
  static Pricing p(PricingUnit unit, String price, BillOn billOn, UnaryOperator<Builder> tweak) {
    BillOn first = billOn == BillOn.SPLIT ? BillOn.CREATE : billOn; // share is set by the tweak
    Builder b = tweak.apply(new Builder(Pricing.simple(unit, Money.parse(price), first)));
    return (billOn == BillOn.SPLIT ? b.set(4, BillOn.SPLIT) : b).build();
  }

  static Stream<Arguments> table() {
    return Stream.of(
        row("second: seconds x price", p(PricingUnit.SECOND, "0.10", BillOn.DELIVERY, b -> b),
            EIGHT_SECONDS_720, "8", "0.80", "0.00", "0.80"),
        row("second: 4.2 s ceil to whole seconds", p(PricingUnit.SECOND, "0.10", BillOn.DELIVERY,
            b -> b),
            spec("text-to-video", "720p", "free", "4.2", 0), "5", "0.50", "0.00", "0.50"),
        row("second: increment of 5 s rounds 6 s up to 10 s",
            p(PricingUnit.SECOND, "0.10", BillOn.DELIVERY, b -> b.increment("5")),
            spec("text-to-video", "720p", "free", "6", 0), "10", "1.00", "0.00", "1.00"),
        row("second: minimum seconds lifts 2 s to 4 s",
            p(PricingUnit.SECOND, "0.10", BillOn.DELIVERY, b -> b.minimumSeconds("4")),
            spec("text-to-video", "720p", "free", "2", 0), "4", "0.40", "0.00", "0.40"),
        row("second: minimum charge applies to a cheap job",
            p(PricingUnit.SECOND, "0.01", BillOn.CREATE, b -> b.minimum("0.25")),
            EIGHT_SECONDS_720, "8", "0.25", "0.25", "0.00"),
        row("second: resolution override", p(PricingUnit.SECOND, "0.10", BillOn.DELIVERY,
                b -> b.override(null, "1080p", null, "0.30")),
            spec("text-to-video", "1080p", "free", "8", 0), "8", "2.40", "0.00", "2.40"),
        row("second: the most specific override wins (resolution + tier)",
            p(PricingUnit.SECOND, "0.10", BillOn.DELIVERY, b -> b
                .override(null, "1080p", null, "0.30").override(null, "1080p", "pro", "0.25")),
            spec("text-to-video", "1080p", "pro", "8", 0), "8", "2.00", "0.00", "2.00"),
        row("second: mode override for image-to-video", p(PricingUnit.SECOND, "0.10",
            BillOn.DELIVERY,
                b -> b.override("image-to-video", null, null, "0.12")),
            spec("image-to-video", "720p", "free", "5", 1), "5", "0.60", "0.00", "0.60"),
        row("token: per million tokens, rounded up to a micro",
            p(PricingUnit.TOKEN, "2.50", BillOn.CREATE, b -> b.per(1_000_000)
                .tokensPerSecond("40000")),
            spec("text-to-video", "720p", "free", "6", 0), "240000", "0.60", "0.60", "0.00"),
        row("token: a sub-micro remainder rounds up",
            p(PricingUnit.TOKEN, "0.000001", BillOn.CREATE, b -> b.per(3).tokensPerSecond("1")),
            spec("text-to-video", "720p", "free", "1", 0), "1", "0.000001", "0.000001", "0.00"),
        row("credit: credits per second", p(PricingUnit.CREDIT, "0.01", BillOn.CREATE,
                b -> b.creditsPerSecond("5")), spec("text-to-video", "720p", "free", "5", 0),
            "25", "0.25", "0.25", "0.00"),
        row("credit: fractional credits per second round up", p(PricingUnit.CREDIT, "0.01",
                BillOn.CREATE, b -> b.creditsPerSecond("0.6")),
            spec("text-to-video", "720p", "free", "7", 0), "5", "0.05", "0.05", "0.00"),
        row("credit: a fixed number of credits per video", p(PricingUnit.CREDIT, "0.01",
                BillOn.CREATE, b -> b.creditsPerVideo("40")), EIGHT_SECONDS_720,
            "40", "0.40", "0.40", "0.00"),
        row("image: per input image", p(PricingUnit.IMAGE, "0.02", BillOn.CREATE, b -> b),
            spec("image-to-video", "720p", "free", "4", 3), "3", "0.06", "0.06", "0.00"),
        row("image: per output frame at 24 fps", p(PricingUnit.IMAGE, "0.001", BillOn.DELIVERY,
                b -> b.imageCount("frames")), spec("text-to-video", "720p", "free", "2", 0),
            "48", "0.048", "0.00", "0.048"),
        row("video: one per delivered video", p(PricingUnit.VIDEO, "0.35", BillOn.DELIVERY, b -> b),
            EIGHT_SECONDS_720, "1", "0.35", "0.00", "0.35"),
        row("task: one per task, charged on create", p(PricingUnit.TASK, "0.05", BillOn.CREATE,
            b -> b),
            EIGHT_SECONDS_720, "1", "0.05", "0.05", "0.00"),
        row("split: 20% on create, the rest held", p(PricingUnit.SECOND, "0.10", BillOn.SPLIT,
                b -> b.share(20)), EIGHT_SECONDS_720, "8", "0.80", "0.16", "0.64"),
        row("split: the create share rounds down, the hold takes the remainder",
            p(PricingUnit.SECOND, "0.000003", BillOn.SPLIT, b -> b.share(50)),
            spec("text-to-video", "720p", "free", "1", 0), "1", "0.000003", "0.000001",
                "0.000002"));
  }

  private static Arguments row(String name, Pricing pricing, JobSpec spec, String quantity,
                               String usage, String onCreate, String held) {
    return Arguments.of(name, pricing, spec, quantity, usage, onCreate, held);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void quotes_follow_the_pricing_rules(String name, Pricing pricing, JobSpec spec, String quantity,
                                       String usage, String onCreate, String held) {
    Quote q = PriceCalculator.quote(pricing, spec);
    assertThat(q.quantity()).isEqualByComparingTo(quantity);
    assertThat(q.usage()).isEqualTo(Money.parse(usage));
    assertThat(q.onCreate()).isEqualTo(Money.parse(onCreate));
    assertThat(q.held()).isEqualTo(Money.parse(held));
    assertThat(q.onCreate().plus(q.held())).isEqualTo(q.usage());
  }

  @Test
  void a_flat_fee_is_added_on_top_of_usage_and_needed_at_create() {
    Pricing pricing = p(PricingUnit.SECOND, "0.10", BillOn.DELIVERY, b -> b.flatFee("0.01"));
    Quote q = PriceCalculator.quote(pricing, EIGHT_SECONDS_720);
    assertThat(q.usage()).isEqualTo(Money.parse("0.80"));
    assertThat(q.total()).isEqualTo(Money.parse("0.81"));
    assertThat(q.neededAtCreate()).isEqualTo(Money.parse("0.81"));
  }

  @Test
  void the_rule_text_names_quantity_unit_and_price() {
    Quote q = PriceCalculator.quote(p(PricingUnit.SECOND, "0.10", BillOn.DELIVERY, b -> b),
        EIGHT_SECONDS_720);
    assertThat(q.rule()).isEqualTo("8 second x 0.10");
  }

  @Test
  void failure_policies_cost_nothing_everything_or_a_share() {
    Money usage = Money.parse("0.80");
    assertThat(Settlement.REFUND.finalCost(usage)).isEqualTo(Money.ZERO);
    assertThat(Settlement.KEEP.finalCost(usage)).isEqualTo(usage);
    assertThat(Settlement.parse("partial:25").finalCost(usage)).isEqualTo(Money.parse("0.20"));
    assertThatThrownBy(() -> Settlement.parse("partial:101"))
        .hasMessageContaining("partial percent must be 0..100");
  }

  @Test
  void tasks_keep_their_charge_by_default_and_other_units_refund() {
    Pricing task = p(PricingUnit.TASK, "0.05", BillOn.CREATE, b -> b);
    Pricing second = p(PricingUnit.SECOND, "0.10", BillOn.DELIVERY, b -> b);
    for (FailureKind kind : FailureKind.values()) {
      assertThat(task.settlementFor(kind)).isEqualTo(Settlement.KEEP);
      assertThat(second.settlementFor(kind)).isEqualTo(Settlement.REFUND);
    }
  }

  @Test
  void a_task_cannot_be_billed_on_delivery() {
    assertThatThrownBy(() -> Pricing.simple(PricingUnit.TASK, Money.parse("0.05"), BillOn.DELIVERY))
        .hasMessageContaining("unit task is charged on create");
  }

  /** Test-side builder over the long Pricing record. */
  static final class Builder {
    private Pricing p;

    Builder(Pricing p) {
      this.p = p;
    }

    Builder with(UnaryOperator<Object[]> f) {
      Object[] a = {p.unit(), p.price(), p.overrides(), p.per(), p.billOn(), p.createSharePercent(),
          p.minimum(), p.flatFee(), p.incrementSeconds(), p.minimumSeconds(), p.pollFee(),
          p.tokensPerSecond(), p.creditsPerSecond(), p.creditsPerVideo(), p.imageCount(),
          p.framesPerSecond(), p.onFailure()};
      a = f.apply(a);
      @SuppressWarnings("unchecked")
      Pricing next = new Pricing((PricingUnit) a[0], (Money) a[1], (List<PriceOverride>) a[2],
          (long) a[3], (BillOn) a[4], (int) a[5], (Money) a[6], (Money) a[7], (BigDecimal) a[8],
          (BigDecimal) a[9], (Money) a[10], (BigDecimal) a[11], (BigDecimal) a[12],
          (BigDecimal) a[13], (String) a[14], (int) a[15], (Map<FailureKind, Settlement>) a[16]);
      p = next;
      return this;
    }

    Builder set(int i, Object v) {
      return with(a -> { a[i] = v; return a; });
    }

    Builder override(String mode, String res, String tier, String price) {
      List<PriceOverride> list = new java.util.ArrayList<>(p.overrides());
      list.add(new PriceOverride(mode, res, tier, Money.parse(price)));
      return set(2, list);
    }

    Builder per(long per) { return set(3, per); }
    Builder share(int percent) { return set(5, percent); }
    Builder minimum(String m) { return set(6, Money.parse(m)); }
    Builder flatFee(String m) { return set(7, Money.parse(m)); }
    Builder increment(String s) { return set(8, new BigDecimal(s)); }
    Builder minimumSeconds(String s) { return set(9, new BigDecimal(s)); }
    Builder tokensPerSecond(String s) { return set(11, new BigDecimal(s)); }
    Builder creditsPerSecond(String s) { return set(12, new BigDecimal(s)); }
    Builder creditsPerVideo(String s) { return set(13, new BigDecimal(s)); }
    Builder imageCount(String s) { return set(14, s); }

    Pricing build() {
      return p;
    }
  }
}
