package dev.vidsim.dialect.runway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.JsonSyntax;
import dev.vidsim.errors.SimException;
import dev.vidsim.http.Json;
import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.jobs.IdScheme;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code POST /v1/image_to_video} or {@code /v1/text_to_video} body, checked as strictly as
 * the SDK's types describe it; a problem is Runway's 400 "Validation of body failed" whose
 * issue names the field ({@link RunwayErrors}). The ratio is the job's resolution.
 */
final class RunwayInput {
  static final int PROMPT_UNITS_MAX = 1000;
  static final long SEED_MAX = 4_294_967_295L;
  private static final BigDecimal DURATION_MAX = BigDecimal.valueOf(3600);
  private static final Set<String> COMMON = Set.of("model", "promptText", "ratio", "duration",
      "seed", "promptImage", "audio", "negativePrompt", "contentModeration", "outputFormat",
      "proresProfile", "resolution", "references", "referenceAudio", "referenceVideos",
      "promptExpansionMode");
  private static final Set<String> OUTPUT_FORMATS = Set.of("mp4", "prores", "png_sequence",
      "hdr10", "hlg", "sdr_rec709_10bit", "hdr_pq_12bit_master", "hdr_prores",
      "hdr_png_sequence", "hdr_exr_sequence", "hdr_exr_acescg_sequence_1_3",
      "hdr_exr_acescg_sequence_2_0");

  private RunwayInput() {}

  static CreateRequest parse(String body, String mode) {
    ObjectNode in = object(body);
    String model = model(in, mode);
    RunwayModels.Rules rules = RunwayModels.rules(model, mode);
    Set<String> fields = rules == null ? COMMON : rules.fields();
    in.fieldNames().forEachRemaining(f -> {
      if (!fields.contains(f)) {
        throw issue(f, "unrecognized_keys", "Unrecognized key: \"" + f + "\" (model " + model
            + " takes " + fields.stream().sorted().toList() + ")");
      }
    });
    String prompt = text(in, "promptText", rules != null && rules.promptRequired());
    List<String> images = mode.equals(RunwayModels.IMAGE) ? RunwayImages.parse(in, rules)
        : List.of();
    String ratio = text(in, "ratio", rules != null);
    if (rules != null && ratio != null && !rules.ratios().contains(ratio)) {
      throw issue("ratio", "invalid_value", "Invalid option: expected one of "
          + quoted(rules.ratios()));
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    BigDecimal seconds = duration(in, rules);
    optionalChecks(in, attributes);
    // image-only tasks have no prompt, and the engine's jobs always have one: say so in it
    if (prompt == null) prompt = "(no promptText: image only)";
    return new CreateRequest(model, prompt, mode, seconds, ratio, images, null,
        RunwayDialect.NAME, attributes, IdScheme.UUID);
  }

  private static ObjectNode object(String body) {
    if (body == null || body.isBlank()) {
      throw issue("model", "invalid_type", "Invalid input: expected string, received"
          + " undefined");
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw SimException.invalid("body", "malformed JSON" + JsonSyntax.where(e) + ": "
          + JsonSyntax.problem(e));
    }
    if (!(node instanceof ObjectNode obj)) {
      throw SimException.invalid("body", "expected a JSON object such as {\"model\": ...}");
    }
    return obj;
  }

  private static String model(ObjectNode in, String mode) {
    String model = text(in, "model", true);
    if (!RunwayModels.known(mode).contains(model)) {
      throw issue("model", "invalid_union", "Invalid input: expected one of "
          + quoted(RunwayModels.known(mode)) + " for /v1/" + (mode.equals(RunwayModels.TEXT)
          ? "text_to_video" : "image_to_video") + ", got \"" + model + "\"");
    }
    return model;
  }

  private static BigDecimal duration(ObjectNode in, RunwayModels.Rules rules) {
    JsonNode n = in.get("duration");
    if (n == null || n.isNull()) {
      if (rules != null && rules.durationDefault() == null) {
        throw issue("duration", "invalid_type", "Invalid input: expected number, received"
            + " undefined");
      }
      return rules == null ? null : BigDecimal.valueOf(rules.durationDefault());
    }
    BigDecimal d = decimal(n);
    if (d == null || d.stripTrailingZeros().scale() > 0 || d.abs().compareTo(DURATION_MAX) > 0) {
      throw issue("duration", "invalid_type", "Invalid input: expected an integer number of"
          + " seconds, got " + n);
    }
    int s = d.intValue();
    if (rules != null && rules.durations() != null && !rules.durations().contains(s)) {
      throw issue("duration", "invalid_value", "Invalid option: expected one of "
          + rules.durations().stream().sorted().toList());
    }
    if (rules != null && (s < rules.durationMin() || s > rules.durationMax())) {
      throw issue("duration", s < rules.durationMin() ? "too_small" : "too_big", "Number must be"
          + " from " + rules.durationMin() + " to " + rules.durationMax() + ", got " + s);
    }
    if (s < 1) throw issue("duration", "too_small", "Number must be at least 1, got " + s);
    return BigDecimal.valueOf(s);
  }

  private static void optionalChecks(ObjectNode in, Map<String, String> attributes) {
    JsonNode seed = in.get("seed");
    if (seed != null && !seed.isNull()) {
      BigDecimal value = decimal(seed);
      if (value == null || value.stripTrailingZeros().scale() > 0 || value.signum() < 0
          || value.compareTo(BigDecimal.valueOf(SEED_MAX)) > 0) {
        throw issue("seed", "invalid_type", "Expected an integer from 0 to " + SEED_MAX);
      }
      attributes.put("seed", value.toBigInteger().toString());
    }
    JsonNode audio = in.get("audio");
    if (audio != null && !audio.isNull()) {
      if (!audio.isBoolean()) throw issue("audio", "invalid_type", "Expected boolean");
      attributes.put("audio", audio.asText());
    }
    text(in, "negativePrompt", false);
    String format = text(in, "outputFormat", false);
    if (format != null && !OUTPUT_FORMATS.contains(format)) {
      throw issue("outputFormat", "invalid_value", "Invalid option: expected one of "
          + quoted(OUTPUT_FORMATS));
    }
    JsonNode moderation = in.get("contentModeration");
    if (moderation != null && !moderation.isNull()) {
      JsonNode t = moderation.get("publicFigureThreshold");
      if (!moderation.isObject() || (t != null && !Set.of("auto", "low").contains(t.asText()))) {
        throw issue("contentModeration.publicFigureThreshold", "invalid_value",
            "Invalid option: expected one of \"auto\"|\"low\"");
      }
    }
  }

  /** A JSON number's exact value, or null for anything else (or a number past any range). */
  private static BigDecimal decimal(JsonNode n) {
    if (!n.isNumber()) return null;
    try {
      return n.decimalValue();
    } catch (NumberFormatException e) {
      return null; // 1e400 read as an infinite double
    }
  }

  /** A string field: present and non-empty when required. */
  static String text(ObjectNode in, String field, boolean required) {
    JsonNode n = in.get(field);
    if (n == null || n.isNull()) {
      if (required) {
        throw issue(field, "invalid_type", "Invalid input: expected string, received undefined");
      }
      return null;
    }
    if (!n.isTextual()) {
      throw issue(field, "invalid_type", "Invalid input: expected string, received "
          + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    String s = n.asText();
    if (field.equals("promptText") && (s.isBlank() || s.length() > PROMPT_UNITS_MAX)) {
      throw issue(field, s.isBlank() ? "too_small" : "too_big", "A non-empty string up to "
          + PROMPT_UNITS_MAX + " characters (UTF-16 code units), got " + s.length());
    }
    return s;
  }

  /** A 400 whose one issue names the field: Runway's zod-style validation error. */
  static SimException issue(String field, String code, String message) {
    return new SimException(ErrorCode.INVALID_REQUEST, message, Map.of("field", field,
        "issue", code));
  }

  private static String quoted(java.util.Collection<?> values) {
    List<String> out = new ArrayList<>();
    values.stream().map(String::valueOf).sorted().forEach(v -> out.add("\"" + v + "\""));
    return String.join("|", out);
  }
}
