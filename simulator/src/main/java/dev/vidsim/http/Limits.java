package dev.vidsim.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.errors.SimException;
import dev.vidsim.limits.LimitSpec;
import java.util.List;

/** Reads a {@code limits} object from an admin request (same fields as in scenario files). */
final class Limits {
  static final List<String> FIELDS = List.of("requestsPerMinute", "burst", "concurrentJobs",
      "pollsPerJobPerMinute", "overLimit", "createsPerDay");

  private Limits() {}

  static LimitSpec parse(JsonNode n) {
    if (!n.isObject()) throw SimException.invalid("limits", "expected an object");
    n.fieldNames().forEachRemaining(f -> {
      if (!FIELDS.contains(f)) {
        throw SimException.invalid("limits." + f, "unknown field; allowed: " + FIELDS);
      }
    });
    Integer rpm = positive(n, "requestsPerMinute");
    Integer burst = positive(n, "burst");
    if (burst != null && rpm == null) {
      throw SimException.invalid("limits.burst", "give requestsPerMinute too");
    }
    LimitSpec.OverLimit over = null;
    if (n.hasNonNull("overLimit")) {
      try {
        over = LimitSpec.OverLimit.parse(n.get("overLimit").asText());
      } catch (IllegalArgumentException e) {
        throw SimException.invalid("limits.overLimit", e.getMessage());
      }
    }
    return new LimitSpec(rpm, burst, positive(n, "concurrentJobs"),
        positive(n, "pollsPerJobPerMinute"), over, positive(n, "createsPerDay"));
  }

  private static Integer positive(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > 1_000_000) {
      throw SimException.invalid("limits." + field, "expected a whole number 1..1000000, got " + v);
    }
    return v.asInt();
  }
}
