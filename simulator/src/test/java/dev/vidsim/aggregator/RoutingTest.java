package dev.vidsim.aggregator;

import static dev.vidsim.aggregator.AggregatorScenarios.EU;
import static dev.vidsim.aggregator.AggregatorScenarios.US;
import static dev.vidsim.aggregator.AggregatorScenarios.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.engine.Simulator;
import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.http.Json;
import dev.vidsim.jobs.JobView;
import dev.vidsim.ledger.LedgerEntry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoutingTest {
  private final Simulator sim = new Simulator(AggregatorScenarios.standard());

  @AfterEach
  void close() {
    sim.close();
  }

  private JobView run(String key, String model, int seconds) {
    JobView job = sim.call(e -> e.jobs().create(key, create(model, seconds), null));
    sim.run(e -> e.clock().advance(Duration.ofMinutes(2)));
    return sim.call(e -> e.jobs().get(key, job.id()));
  }

  private void outage(String provider, String effect) {
    sim.run(e -> e.faults().add(Json.parse("{\"when\":{\"upstream\":\"" + provider
        + "\"},\"do\":" + effect + "}")));
  }

  private List<JsonNode> journal(String type) {
    return sim.call(e -> e.journal().lines(type::equals)).stream().map(Json::parse).toList();
  }

  private List<LedgerEntry> ledger(String key) {
    return sim.call(e -> e.ledger().entries(key));
  }

  @Test
  void the_first_choice_runs_and_costs_its_price_plus_the_markup() {
    JobView job = run(US, "google/veo-3.1", 8);
    assertThat(job.status().wireName()).isEqualTo("succeeded");
    assertThat(job.model()).isEqualTo("vertex-veo");
    assertThat(job.route().aggregatorModel()).isEqualTo("google/veo-3.1");
    assertThat(job.route().summary()).isEqualTo("vertex:ran");
    // 8 s x 0.40 = 3.20, + 5.5% = 3.376
    assertThat(job.charged().toString()).isEqualTo("3.376");
    assertThat(job.route().fallbackExtra().toString()).isEqualTo("0.00");
    assertThat(ledger(US)).last().satisfies(e -> assertThat(e.rule())
        .isEqualTo("via vertex vertex-veo: 8 second x 0.40 + 5.5% markup on delivery"));
  }

  @Test
  void an_outage_of_the_first_upstream_falls_back_to_the_next_which_costs_more() {
    outage("vertex", "{\"status\":503}");
    JobView job = run(US, "google/veo-3.1", 8);
    assertThat(job.model()).isEqualTo("fal-veo");
    assertThat(job.route().summary()).isEqualTo("vertex:failed 503, fal:ran");
    // 8 s x 0.50 = 4.00, + 5.5% = 4.22; the first choice would have charged 3.376
    assertThat(job.charged().toString()).isEqualTo("4.22");
    assertThat(job.route().fallbackExtra().toString()).isEqualTo("0.844");
    assertThat(journal("upstream")).extracting(l -> l.path("provider").asText() + " "
        + l.path("outcome").asText()).containsExactly("vertex failed", "fal ran");
    assertThat(journal("upstream").get(1).path("fallbackExtra").asText()).isEqualTo("0.844");
  }

  @Test
  void a_dropped_connection_on_an_upstream_is_an_outage_too() {
    outage("vertex", "{\"drop\":true}");
    assertThat(run(US, "google/veo-3.1", 8).route().summary())
        .isEqualTo("vertex:failed, fal:ran");
  }

  @Test
  void upstreams_unavailable_to_the_tenant_are_skipped_in_order() {
    // pro-veo needs the pro tier; fal-veo does not serve eu-west
    JobView job = run(EU, "us-first", 8);
    assertThat(job.route().summary())
        .isEqualTo("pro:unavailable, fal:unavailable, vertex:ran");
    assertThat(job.route().attempts().get(1).detail()).isEqualTo("not served in region eu-west");
    // the first choice (pro-veo, 0.30/s) would have cost 2.532: this one costs 0.844 more
    assertThat(job.route().fallbackExtra().toString()).isEqualTo("0.844");
  }

  @Test
  void an_upstream_model_removed_from_the_catalog_is_unavailable_from_then_on() {
    sim.run(e -> e.catalog().remove("vertex-veo", e.clock().instant().plusSeconds(60), null));
    assertThat(run(US, "google/veo-3.1", 8).route().summary()).isEqualTo("vertex:ran");
    JobView later = run(US, "google/veo-3.1", 8);
    assertThat(later.route().summary()).isEqualTo("vertex:unavailable, fal:ran");
    assertThat(later.route().attempts().get(0).detail())
        .startsWith("model 'vertex-veo' was removed at");
  }

  @Test
  void an_upstream_that_cannot_take_the_parameters_is_passed_over() {
    JobView job = run(US, "google/veo-3.1", 10);
    assertThat(job.route().summary()).isEqualTo("vertex:rejected, fal:ran");
    assertThat(job.charged().toString()).isEqualTo("5.275");
  }

  @Test
  void parameters_no_upstream_takes_are_the_first_upstreams_400_naming_the_field() {
    assertThatThrownBy(() -> sim.call(e -> e.jobs().create(US, create("google/veo-3.1", 12),
        null))).isInstanceOf(SimException.class)
        .satisfies(x -> assertThat(((SimException) x).details()).containsEntry("field",
            "seconds"));
  }

  @Test
  void when_every_upstream_fails_nothing_is_created_or_charged() {
    outage("vertex", "{\"status\":503}");
    outage("fal", "{\"status\":500}");
    assertThatThrownBy(() -> sim.call(e -> e.jobs().create(US, create("google/veo-3.1", 8),
        null))).isInstanceOf(SimException.class)
        .hasMessageContaining("every provider of google/veo-3.1 failed (vertex:failed 503,"
            + " fal:failed 500); nothing was charged")
        .satisfies(x -> assertThat(((SimException) x).code()).isEqualTo(ErrorCode.BAD_GATEWAY));
    List<JobView> jobs = sim.call(e -> e.jobs().all());
    assertThat(jobs).isEmpty();
    assertThat(ledger(US)).extracting(e -> e.type().wireName()).containsExactly("topup");
  }

  @Test
  void an_upstream_rule_never_fires_on_requests_and_plain_rules_never_on_attempts() {
    outage("fal", "{\"status\":503}");
    sim.run(e -> e.faults().add(Json.parse("{\"when\":{\"model\":\"vertex-veo\"},"
        + "\"do\":{\"status\":500}}")));
    JobView direct = sim.call(e -> e.jobs().create(US, new dev.vidsim.jobs.CreateRequest(
        "fal-veo", "a cat", null, java.math.BigDecimal.valueOf(4), null, null, null), null));
    assertThat(direct.model()).isEqualTo("fal-veo");
    assertThat(run(US, "google/veo-3.1", 8).route().summary()).isEqualTo("vertex:ran");
  }

  @Test
  void the_aggregator_has_its_own_model_namespace() {
    assertThatThrownBy(() -> sim.call(e -> e.jobs().create(US, create("vertex-veo", 8), null)))
        .isInstanceOf(SimException.class).hasMessageContaining("model 'vertex-veo' does not"
            + " exist on openrouter; models: [google/veo-3.1, us-first]");
  }

  @Test
  void the_model_list_shows_reachable_pools_at_the_first_upstreams_marked_up_price() {
    var offers = sim.call(e -> e.aggregatedModels(EU, "openrouter"));
    assertThat(offers).extracting(Aggregators.Offer::id)
        .containsExactly("google/veo-3.1", "us-first");
    assertThat(offers.get(1).model().id()).isEqualTo("vertex-veo");
    assertThat(offers.get(1).model().pricing().markupPercent().toPlainString()).isEqualTo("5.5");
  }
}
