package dev.vidsim.dialect.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.errors.SimException;
import dev.vidsim.http.Json;
import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.jobs.IdScheme;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A create body ({@code version} or a model from the path, {@code input}, {@code webhook},
 * {@code webhook_events_filter}) and its {@code Prefer: wait[=n]} header, read once. Inputs are
 * the video models' common ones; an unknown input is a 422 naming it, as Replicate's schema
 * validation answers.
 */
final class ReplicateInput {
  static final Set<String> BODY = Set.of("version", "input", "webhook", "webhook_events_filter",
      "stream");
  static final Set<String> INPUTS = Set.of("prompt", "duration", "resolution", "aspect_ratio",
      "image", "last_frame", "reference_images", "negative_prompt", "generate_audio", "seed");
  static final Set<String> EVENTS = Set.of("start", "output", "logs", "completed");
  /** Longest Prefer: wait Replicate holds a request (its documented default and maximum). */
  static final Duration WAIT_MAX = Duration.ofSeconds(60);
  /** Input strings longer than this are shown back abbreviated (data URIs can be megabytes). */
  static final int SHOWN_CHARS_MAX = 256;
  private static final java.util.regex.Pattern DURATION = java.util.regex.Pattern.compile(
      "(?:(\\d{1,4})h)?(?:(\\d{1,6})m)?(?:(\\d{1,7})s)?|(\\d{1,7})");

  private ReplicateInput() {}

  /** The parsed create: the engine request, and how long the caller asked to wait (or null). */
  record Create(CreateRequest request, Duration waitLimit, Duration cancelAfter) {}

  static Create parse(Context ctx, String model, String version) {
    ObjectNode body = Json.body(ctx, BODY);
    JsonNode input = body.get("input");
    if (input == null || !input.isObject()) {
      throw SimException.invalid("input", "required: an object with the model's inputs");
    }
    for (var it = input.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!INPUTS.contains(name)) {
        throw SimException.invalid("input." + name, "unknown input; this model takes "
            + INPUTS.stream().sorted().toList());
      }
    }
    ObjectNode in = (ObjectNode) input;
    List<String> images = new ArrayList<>();
    addImage(images, Json.string(in, "image"));
    addImage(images, Json.string(in, "last_frame"));
    images.addAll(Json.strings(in, "reference_images"));
    if (in.has("generate_audio") && !in.get("generate_audio").isBoolean()) {
      throw SimException.invalid("input.generate_audio", "expected true or false");
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(ReplicateWire.INPUT, shown(in).toString());
    Duration cancelAfter = cancelAfter(ctx.header("Cancel-After"));
    if (cancelAfter != null) {
      attributes.put(ReplicateWire.CANCEL_AFTER, Long.toString(cancelAfter.toMillis()));
    }
    if (version != null) attributes.put(ReplicateWire.VERSION, version);
    String webhook = Json.string(body, "webhook");
    List<String> events = events(body);
    if (webhook != null) {
      attributes.put(ReplicateWire.WEBHOOK, webhook);
      if (!events.isEmpty()) attributes.put(ReplicateWire.EVENTS, String.join(",", events));
    }
    CreateRequest req = new CreateRequest(model, Json.string(in, "prompt"), null,
        Json.integer(in, "duration"), Json.string(in, "resolution"), images, webhook,
        ReplicateDialect.NAME, attributes, IdScheme.BASE32);
    return new Create(req, wait(ctx.header("Prefer")), cancelAfter);
  }

  private static void addImage(List<String> images, String url) {
    if (url != null && !url.isBlank()) images.add(url);
  }

  private static List<String> events(ObjectNode body) {
    List<String> events = Json.strings(body, "webhook_events_filter");
    for (String e : events) {
      if (!EVENTS.contains(e)) {
        throw SimException.invalid("webhook_events_filter", "unknown event '" + e
            + "'; expected some of start, output, logs, completed");
      }
    }
    return events;
  }

  /** {@code Prefer: wait} (60 s) or {@code wait=n} with n from 1 to 60; null: no wait asked. */
  static Duration wait(String prefer) {
    if (prefer == null) return null;
    for (String token : prefer.split("[,;]")) {
      String t = token.trim();
      if (t.equals("wait")) return WAIT_MAX;
      if (t.startsWith("wait=")) {
        String n = t.substring(5).trim();
        if (!n.matches("\\d{1,3}") || Integer.parseInt(n) < 1
            || Integer.parseInt(n) > WAIT_MAX.toSeconds()) {
          throw SimException.invalid("Prefer", "wait=n takes a whole number of seconds from 1 to "
              + WAIT_MAX.toSeconds() + ", got '" + n + "'");
        }
        return Duration.ofSeconds(Integer.parseInt(n));
      }
    }
    return null;
  }

  /**
   * {@code Cancel-After}: a duration such as {@code 90s}, {@code 5m} or {@code 1h30m}, or plain
   * seconds; at least 1 s (Replicate's exact bounds: UNVERIFIED). Null when absent.
   */
  static Duration cancelAfter(String header) {
    if (header == null) return null;
    String h = header.trim();
    java.util.regex.Matcher m = DURATION.matcher(h);
    if (h.isEmpty() || !m.matches()) {
      throw SimException.invalid("Cancel-After", "expected a duration such as 90s, 5m or 1h30m,"
          + " got '" + header + "'");
    }
    long seconds = m.group(4) != null ? Long.parseLong(m.group(4))
        : part(m.group(1)) * 3600 + part(m.group(2)) * 60 + part(m.group(3));
    if (seconds < 1) throw SimException.invalid("Cancel-After", "must be at least 1s");
    return Duration.ofSeconds(seconds);
  }

  private static long part(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }

  /** The input as shown back on the prediction, long strings abbreviated. */
  private static ObjectNode shown(ObjectNode in) {
    ObjectNode out = in.deepCopy();
    for (var it = out.fields(); it.hasNext(); ) {
      var e = it.next();
      String v = e.getValue().isTextual() ? e.getValue().asText() : null;
      if (v != null && v.length() > SHOWN_CHARS_MAX) {
        e.setValue(Json.MAPPER.getNodeFactory().textNode(v.substring(0, SHOWN_CHARS_MAX)
            + "... (" + v.length() + " chars)"));
      }
    }
    return out;
  }
}
