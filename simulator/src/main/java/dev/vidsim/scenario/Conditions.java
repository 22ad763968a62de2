package dev.vidsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.catalog.CatalogChange;
import dev.vidsim.limits.LimitSpec;
import dev.vidsim.webhooks.WebhookConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The operating conditions a scenario declares beyond its catalog: rate limits, fault rules,
 * models removed or renamed over time, webhook delivery.
 *
 * @param accountLimits per API key, on top of {@code limits}
 * @param faults        fault rules as declared (already validated), added in order at start
 * @param syncModels    synchronous models and how long their create waits (simulated time)
 * @param keyless       models that ignore the Idempotency-Key header (idempotency: ignored)
 * @param emitExpired   dialects that show a job whose content lapsed as {@code expired}, even
 *                      where the real provider's documentation lists no such status
 * @param aggregators   aggregator pools over this catalog's models, by serving dialect
 * @param runwayMonthlyCredits Runway's {@code maxMonthlyCreditSpend} per account tier
 *                      ({@code dialects.runway.maxMonthlyCreditSpend}), in credits
 */
public record Conditions(LimitSpec limits, Map<String, LimitSpec> accountLimits,
                         List<JsonNode> faults, List<CatalogChange> catalogChanges,
                         WebhookConfig webhooks, Map<String, Duration> syncModels,
                         java.util.Set<String> emitExpired, java.util.Set<String> keyless,
                         List<dev.vidsim.aggregator.Aggregator> aggregators,
                         Map<String, Long> runwayMonthlyCredits) {
  public static final Conditions NONE = new Conditions(LimitSpec.NONE, Map.of(), List.of(),
      List.of(), WebhookConfig.DEFAULT, Map.of(), java.util.Set.of(),
      java.util.Set.of(), List.of(), Map.of());

  public Conditions {
    accountLimits = Map.copyOf(accountLimits);
    faults = List.copyOf(faults);
    catalogChanges = List.copyOf(catalogChanges);
    syncModels = Map.copyOf(syncModels);
    emitExpired = java.util.Set.copyOf(emitExpired);
    keyless = java.util.Set.copyOf(keyless);
    aggregators = List.copyOf(aggregators);
    runwayMonthlyCredits = Map.copyOf(runwayMonthlyCredits);
  }
}
