package dev.vidsim.tck.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.vidsim.aggregator.Aggregators;
import dev.vidsim.catalog.Catalog;
import dev.vidsim.client.JsonSupport;
import dev.vidsim.client.wire.Dialect;
import dev.vidsim.dialect.openrouter.OpenRouterDialect;
import dev.vidsim.http.Wire;
import dev.vidsim.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What running the reference client in one provider dialect under the TCK takes: the
 * integrator's price sheet (the TCK world's models, as a team copies them from the provider's
 * pricing page), how the dialect's job ids name the simulator's jobs (the checker speaks engine
 * ids), and the checks the dialect cannot keep by its nature, each with its reason.
 */
public record DialectProfile(Dialect dialect, Map<String, String> waived,
                             UnaryOperator<String> engineJobId) {
  private static final String NO_KEY = "the provider takes no idempotency key (its official"
      + " SDKs send none); the client instead never resends a create after an ambiguous failure"
      + " unless it can find out whether the first made a job";
  private static final String NO_LISTING = "the provider lists no jobs and has no lookup by"
      + " key, so a create whose answer was lost cannot be found: the client does not send it"
      + " again (no second charge) but the job it made is nobody's";
  private static final String UNKEYED_JOBS = "the provider takes no key, so no job carries its"
      + " generation's key; a second job for one generation is judged by"
      + " lost_responses_settle_to_one_job instead";
  private static final String ORPHAN_PAID = "follows from the lost create above: the job the"
      + " provider made (and charges for when it delivers) is unknown to the client";
  private static final String SAME_ASK = "without a key, two generations that ask the same"
      + " look like one create sent twice: the request the simulator journals keeps nothing"
      + " that tells them apart (the dialect has no metadata, and a seed, where the client sends"
      + " one, is not journaled). A create the provider refused is never resent (ReferenceClient"
      + " keeps it refused), and a real second charge still shows as a job the client does not"
      + " know in client_cost_reconciles_with_ledger (where that is not waived)";
  private static final String NO_CATALOG = "the provider has no model listing (the client's"
      + " catalog is the integrator's price sheet; a removed model answers 404 on create)";
  private static final String NO_RUNWAY_CATALOG = "Runway has no model listing (its"
      + " organization endpoint gives the tier's limits per model, not a catalog): the client's"
      + " catalog is the integrator's price sheet, and a model Runway does not run answers 400";
  private static final String NAMED_CATALOG = "Google lists models as models[].name, which the"
      + " checker does not read as a catalog (it reads data[].id); the client does read it";

  /** Runway's video models (its ids have no owner prefix, like vidsim's own). */
  private static final java.util.Set<String> RUNWAY_MODELS = java.util.Set.of("gen4.5",
      "gen4_turbo", "veo3.1", "veo3.1_fast");

  /** The profile of each dialect. */
  public static DialectProfile of(Dialect d) {
    Map<String, String> w = new LinkedHashMap<>();
    if (d != Dialect.VIDSIM) {
      w.put("creates_use_idempotency_key", NO_KEY);
      w.put("one_generation_one_key", UNKEYED_JOBS);
    }
    // Replicate echoes the input, seed included: the only dialect whose asks stay apart
    if (d != Dialect.VIDSIM && d != Dialect.REPLICATE) {
      w.put("no_retry_of_non_retryable_errors", SAME_ASK);
    }
    if (d == Dialect.OPENAI) w.put("lost_responses_settle_to_one_job", SAME_ASK);
    if (d == Dialect.FAL || d == Dialect.GEMINI || d == Dialect.VERTEX || d == Dialect.RUNWAY
        || d == Dialect.OPENROUTER) {
      w.put("lost_responses_settle_to_one_job", NO_LISTING);
      w.put("client_cost_reconciles_with_ledger", ORPHAN_PAID);
    }
    if (d == Dialect.REPLICATE || d == Dialect.FAL) w.put("models_from_live_catalog", NO_CATALOG);
    if (d == Dialect.GEMINI || d == Dialect.VERTEX) {
      w.put("models_from_live_catalog", NAMED_CATALOG);
    }
    if (d == Dialect.RUNWAY) w.put("models_from_live_catalog", NO_RUNWAY_CATALOG);
    return new DialectProfile(d, Map.copyOf(w), switch (d) {
      case VIDSIM, OPENAI, REPLICATE, RUNWAY, OPENROUTER -> id -> id;
      case FAL, GEMINI, VERTEX -> id -> id.substring(id.lastIndexOf('/') + 1);
    });
  }

  /**
   * The models of the world this provider sells, priced as vidsim's {@code /v1/models} shows
   * them: Replicate's and fal's by their owner/name ids, Runway's by its ids, OpenRouter's as its
   * aggregator pools, the rest (vidsim's invented models and Veo's) on the others.
   */
  JsonNode priceSheet(Scenario s) {
    ArrayNode sheet = JsonSupport.MAPPER.createArrayNode();
    if (dialect == Dialect.OPENROUTER) {
      // the aggregator's own ids, priced as its first upstream plus the markup
      new Aggregators(s.conditions().aggregators(), new Catalog(s.models()))
          .offers(OpenRouterDialect.NAME, null, null, s.startTime())
          .forEach(o -> sheet.add(JsonSupport.parseOrEmpty(
              Wire.model(o.model().withId(o.id()), s.currency()).toString())));
      return sheet;
    }
    s.models().stream().filter(m -> sells(m.id())).forEach(m -> sheet.add(
        JsonSupport.parseOrEmpty(Wire.model(m, s.currency()).toString())));
    return sheet;
  }

  private boolean sells(String model) {
    return switch (dialect) {
      case REPLICATE -> model.contains("/") && !model.startsWith("fal-ai/");
      case FAL -> model.startsWith("fal-ai/");
      case RUNWAY -> RUNWAY_MODELS.contains(model);
      default -> !model.contains("/") && !RUNWAY_MODELS.contains(model);
    };
  }
}
