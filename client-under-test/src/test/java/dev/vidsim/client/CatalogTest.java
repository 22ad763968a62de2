package dev.vidsim.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.client.catalog.CostQuote;
import dev.vidsim.client.catalog.JobShape;
import dev.vidsim.client.catalog.ModelChoice;
import dev.vidsim.client.catalog.ModelChooser;
import dev.vidsim.client.catalog.ModelInfo;
import dev.vidsim.client.catalog.NoModelException;
import dev.vidsim.client.catalog.Quoter;
import dev.vidsim.client.cost.Budget;
import dev.vidsim.client.cost.BudgetExceededException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CatalogTest {
  private final SimFixture fx = SimFixture.defaultScenario();

  @AfterEach
  void close() {
    fx.close();
  }

  private static JobShape textSeconds(long s) {
    return new JobShape(JobShape.TEXT_TO_VIDEO, null, BigDecimal.valueOf(s), null, 0);
  }

  @Test
  void without_a_preference_the_cheapest_capable_model_is_chosen() {
    List<ModelInfo> catalog = fx.client("sk-test-alice").build().models();

    ModelChoice c = ModelChooser.byCapability().choose(catalog, textSeconds(6), List.of(), "free");

    // reel-1 6 s = 0.60, clip-video 0.35, studio-credits 30 credits x 0.01 = 0.30
    assertThat(c.model().id()).isEqualTo("studio-credits");
    assertThat(c.quote().total()).isEqualTo(Amount.parse("0.30"));
    assertThat(c.fellBack()).isFalse();
  }

  @Test
  void a_preferred_model_missing_from_the_catalog_falls_back_and_says_why() {
    VideoClient client = fx.client("sk-test-alice").build();

    GenerationResult r = client.generate(GenerationRequest.builder("a cat")
        .models("veo-9", "clip-video").build());

    assertThat(r.fellBack()).isTrue();
    assertThat(r.job().model()).isEqualTo("clip-video");
    assertThat(r.choice().reason()).contains("veo-9 is not in the catalog");
    assertThat(r.priceDifference()).as("nothing to compare with").isNull();
  }

  @Test
  void a_fallback_reports_the_price_difference_to_the_preferred_model() {
    List<ModelInfo> catalog = fx.client("sk-test-alice").build().models();

    ModelChoice c = ModelChooser.byCapability()
        .choose(catalog, textSeconds(12), List.of("studio-credits", "reel-1"), "free");

    // studio-credits renders at most 10 s; reel-1 12 s = 1.20 vs studio 60 credits = 0.60
    assertThat(c.model().id()).isEqualTo("reel-1");
    assertThat(c.fellBack()).isTrue();
    assertThat(c.reason()).contains("studio-credits renders 1 to 10 s");
    assertThat(c.priceDifference()).isEqualTo(Amount.parse("0.60"));
  }

  @Test
  void a_model_of_another_tier_is_not_offered_so_the_next_one_is_used() {
    List<ModelInfo> catalog = fx.client("sk-test-alice").build().models();

    ModelChoice c = ModelChooser.byCapability()
        .choose(catalog, textSeconds(6), List.of("fusion-pro", "reel-1"), "free");

    assertThat(catalog).extracting(ModelInfo::id).doesNotContain("fusion-pro");
    assertThat(c.model().id()).isEqualTo("reel-1");
  }

  @Test
  void capability_filters_by_mode_resolution_seconds_and_region() {
    List<ModelInfo> catalog = fx.client("sk-test-bob").build().models();

    ModelChoice c = ModelChooser.byCapability().choose(catalog,
        new JobShape(JobShape.TEXT_TO_VIDEO, "1080p", BigDecimal.valueOf(10), "eu-west", 0),
        List.of(), "pro");

    assertThat(c.model().id()).isIn("reel-1", "fusion-pro");
    assertThatThrownBy(() -> ModelChooser.byCapability().choose(catalog, textSeconds(99),
        List.of(), "pro")).isInstanceOf(NoModelException.class);
  }

  @Test
  void the_client_quote_equals_what_the_provider_charges_for_every_default_model() {
    for (String key : List.of("sk-test-alice", "sk-test-bob")) {
      // every model at every resolution at its longest: more than an opening balance
      fx.sim.run(e -> e.topUp(key, dev.vidsim.money.Money.parse("100.00")));
      VideoClient client = fx.client(key).tier(key.endsWith("bob") ? "pro" : "free").build();
      for (ModelInfo m : client.models()) {
        for (String res : m.resolutions()) {
          JobShape shape = new JobShape(m.modes().get(0), res, m.maxSeconds(), null, 0);
          CostQuote q = Quoter.quote(m, shape, client.options().tier());
          GenerationResult r = client.generate(GenerationRequest.builder("q " + m.id())
              .models(m.id()).resolution(res).seconds(m.maxSeconds()).build());
          assertThat(r.job().charged()).as(m.id() + " " + res).isEqualTo(q.total());
        }
      }
      assertThat(client.reconcile().isBalanced()).isTrue();
    }
  }

  @Test
  void an_unknown_tier_quotes_the_dearest_tier_price_to_stay_within_budget() {
    ModelInfo reel = fx.client("sk-test-bob").build().models().stream()
        .filter(m -> m.id().equals("reel-1")).findFirst().orElseThrow();
    JobShape hd = new JobShape(JobShape.TEXT_TO_VIDEO, "1080p", BigDecimal.TEN, null, 0);

    assertThat(Quoter.quote(reel, hd, "pro").total()).isEqualTo(Amount.parse("2.50"));
    assertThat(Quoter.quote(reel, hd, null).total()).isEqualTo(Amount.parse("3.00"));
  }

  @Test
  void with_the_tier_unknown_the_budget_uses_the_dearest_price_and_the_ledger_the_applied_one() {
    VideoClient client = fx.client("sk-test-bob")
        .budget(new Budget(Amount.parse("3.00"), null)).build();

    GenerationResult r = client.generate(GenerationRequest.builder("a cat").models("reel-1")
        .resolution("1080p").seconds(10).build());

    assertThat(r.choice().quote().total()).isEqualTo(Amount.parse("3.00"));
    assertThat(r.expectedCost()).isEqualTo(Amount.parse("2.50"));
    assertThat(client.reconcile().isBalanced()).as(client.reconcile().toString()).isTrue();
  }

  @Test
  void a_call_over_the_per_call_budget_is_refused_before_anything_is_sent() {
    VideoClient client = fx.client("sk-test-alice")
        .budget(new Budget(Amount.parse("0.50"), null)).build();

    assertThatThrownBy(() -> client.generate(GenerationRequest.builder("a cat").models("reel-1")
        .seconds(6).build()))
        .isInstanceOf(BudgetExceededException.class).hasMessageContaining("per-call budget");
    assertThat(client.requestLog().records("create")).isEmpty();
    int jobs = fx.sim.call(e -> e.jobs().all().size());
    assertThat(jobs).isZero();
  }

  @Test
  void the_session_budget_counts_running_jobs_at_their_full_quote() {
    VideoClient client = fx.client("sk-test-alice")
        .budget(new Budget(null, Amount.parse("1.00"))).build();
    GenerationRequest clip = GenerationRequest.builder("a cat").models("clip-video").build();

    client.submit(clip);
    client.submit(clip);

    assertThatThrownBy(() -> client.submit(clip))
        .isInstanceOf(BudgetExceededException.class).hasMessageContaining("0.70 already committed");
    assertThat(client.requestLog().records("create")).hasSize(2);
  }
}
