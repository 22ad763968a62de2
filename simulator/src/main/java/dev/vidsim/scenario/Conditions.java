package dev.vidsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.limits.LimitSpec;
import java.util.List;
import java.util.Map;

/**
 * The operating conditions a scenario declares beyond its catalog: rate limits, fault rules.
 *
 * @param accountLimits per API key, on top of {@code limits}
 * @param faults        fault rules as declared (already validated), added in order at start
 */
public record Conditions(LimitSpec limits, Map<String, LimitSpec> accountLimits,
                         List<JsonNode> faults) {
  public static final Conditions NONE = new Conditions(LimitSpec.NONE, Map.of(), List.of());

  public Conditions {
    accountLimits = Map.copyOf(accountLimits);
    faults = List.copyOf(faults);
  }
}
