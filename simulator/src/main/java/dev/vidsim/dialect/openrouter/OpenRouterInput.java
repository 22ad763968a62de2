package dev.vidsim.dialect.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.errors.SimException;
import dev.vidsim.http.Json;
import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.jobs.IdScheme;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code POST /videos} body as {@code @openrouter/sdk} 1.3.19 sends it (snake_case). Values
 * outside the sets the API documents (resolution, aspect_ratio, size, frame types) are a 400
 * naming the field; whether the routed model renders them is the engine's check.
 */
final class OpenRouterInput {
  static final Set<String> BODY = Set.of("model", "prompt", "duration", "resolution",
      "aspect_ratio", "size", "generate_audio", "seed", "callback_url", "frame_images",
      "input_references", "provider", "previous_job_id", "session_id", "trace", "user",
      "creativity", "upscale_factor");
  static final List<String> RESOLUTIONS = List.of("360p", "480p", "720p", "768p", "1080p", "1K",
      "2K", "4K");
  static final List<String> ASPECT_RATIOS = List.of("16:9", "9:16", "1:1", "4:3", "3:4", "3:2",
      "2:3", "21:9", "9:21");
  static final List<String> FRAME_TYPES = List.of("first_frame", "last_frame");
  static final String PREVIOUS_JOB = "previous_job_id";
  /** JavaScript's Number.MAX_SAFE_INTEGER, the bound of zod's {@code z.int()}. */
  private static final BigDecimal SAFE_INTEGER_MAX = BigDecimal.valueOf(9_007_199_254_740_991L);

  private OpenRouterInput() {}

  /** @param now the simulated time: job ids read {@code gen-vid-<epoch seconds>-<hex>} */
  static CreateRequest parse(Context ctx, Instant now) {
    ObjectNode body = Json.body(ctx, BODY);
    String model = Json.string(body, "model");
    if (model == null || model.isBlank()) {
      throw SimException.invalid("model", "required, e.g. \"google/veo-3.1\"");
    }
    String resolution = oneOf(body, "resolution", RESOLUTIONS);
    oneOf(body, "aspect_ratio", ASPECT_RATIOS);
    String size = Json.string(body, "size");
    if (size != null && !size.matches("[1-9]\\d{1,4}x[1-9]\\d{1,4}")) {
      throw SimException.invalid("size", "expected WIDTHxHEIGHT such as 1280x720, got '"
          + size + "'");
    }
    for (String flag : List.of("generate_audio")) {
      if (body.has(flag) && !body.get(flag).isBoolean()) {
        throw SimException.invalid(flag, "expected true or false");
      }
    }
    seed(body);
    if (body.has("provider") && !body.get("provider").isObject()) {
      throw SimException.invalid("provider", "expected an object such as {\"options\": {...}}");
    }
    List<String> images = new ArrayList<>(frames(body, "frame_images", true));
    images.addAll(frames(body, "input_references", false));
    Map<String, String> attributes = new LinkedHashMap<>();
    String previous = Json.string(body, PREVIOUS_JOB);
    if (previous != null) attributes.put(PREVIOUS_JOB, previous);
    BigDecimal seconds = Json.integer(body, "duration");
    return new CreateRequest(model, Json.string(body, "prompt"), null, seconds,
        engineResolution(resolution != null ? resolution : fromSize(size)), images,
        Json.string(body, "callback_url"), OpenRouterDialect.NAME, attributes,
        IdScheme.prefixed("gen-vid-" + now.getEpochSecond() + "-"));
  }

  /** Any integer the SDK's {@code z.int()} passes: a safe integer, negative ones included. */
  private static void seed(ObjectNode body) {
    JsonNode n = body.get("seed");
    if (n == null || n.isNull()) return;
    boolean whole = n.isNumber() && n.decimalValue().stripTrailingZeros().scale() <= 0;
    if (!whole || n.decimalValue().abs().compareTo(SAFE_INTEGER_MAX) > 0) {
      throw SimException.invalid("seed", "expected a whole number within +/-"
          + SAFE_INTEGER_MAX + ", got " + (n.isNumber() ? "a number outside that" : "a "
          + n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
    }
  }

  private static String oneOf(ObjectNode body, String field, List<String> allowed) {
    String v = Json.string(body, field);
    if (v != null && !allowed.contains(v)) {
      throw SimException.invalid(field, "expected one of " + allowed + ", got '" + v + "'");
    }
    return v;
  }

  /** {@code [{type: "image_url", image_url: {url}, frame_type?}]}: the image URLs. */
  private static List<String> frames(ObjectNode body, String field, boolean framed) {
    JsonNode list = body.get(field);
    if (list == null || list.isNull()) return List.of();
    if (!list.isArray()) throw SimException.invalid(field, "expected an array of image parts");
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = field + "[" + i + "]";
      JsonNode part = list.get(i);
      if (!part.isObject() || !"image_url".equals(part.path("type").asText())) {
        throw SimException.invalid(at + ".type", "expected \"image_url\"");
      }
      JsonNode url = part.path("image_url").path("url");
      if (!url.isTextual() || url.asText().isBlank()) {
        throw SimException.invalid(at + ".image_url.url", "required: an image URL or data URI");
      }
      if (framed && !FRAME_TYPES.contains(part.path("frame_type").asText())) {
        throw SimException.invalid(at + ".frame_type", "expected one of " + FRAME_TYPES);
      }
      urls.add(url.asText());
    }
    return urls;
  }

  /** 1280x720 renders at 720p: the shorter side names the resolution. */
  private static String fromSize(String size) {
    if (size == null) return null;
    String[] wh = size.split("x");
    return Math.min(Integer.parseInt(wh[0]), Integer.parseInt(wh[1])) + "p";
  }

  /** The catalog writes 4k where OpenRouter writes 4K. */
  static String engineResolution(String wire) {
    return wire == null ? null : wire.toLowerCase(java.util.Locale.ROOT);
  }

  static String wireResolution(String engine) {
    return engine.matches("\\d+k") ? engine.toUpperCase(java.util.Locale.ROOT) : engine;
  }
}
