package dev.vidsim.dialect.fal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * A submit body (the endpoint's input, as fal's video models take it: {@code duration} as
 * {@code "8s"}) and the headers the client sends with it: {@code x-fal-request-timeout}
 * (seconds, more than 1), {@code x-fal-queue-priority} ({@code normal|low}) and
 * {@code x-fal-runner-hint}. Header values are checked and kept with the request.
 */
final class FalInput {
  static final Set<String> INPUTS = Set.of("prompt", "aspect_ratio", "duration", "resolution",
      "negative_prompt", "generate_audio", "seed", "enhance_prompt", "auto_fix", "image_url",
      "first_frame_url", "last_frame_url");
  static final String TIMEOUT = "fal.request_timeout";
  static final String PRIORITY = "fal.queue_priority";
  static final String HINT = "fal.runner_hint";

  private FalInput() {}

  /** Headers the client sent, by lower-case name; absent ones are null. */
  record Headers(String timeout, String priority, String hint) {}

  static CreateRequest parse(String body, String model, String mode, String webhook,
                             Headers headers) {
    ObjectNode in = object(body);
    List<String> images = new ArrayList<>();
    for (String f : List.of("image_url", "first_frame_url", "last_frame_url")) {
      String url = string(in, f);
      if (url != null && !url.isBlank()) images.add(url);
    }
    if (in.has("generate_audio") && !in.get("generate_audio").isBoolean()) {
      throw SimException.invalid("generate_audio", "value is not a valid boolean");
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    if (headers.timeout() != null) attributes.put(TIMEOUT, timeout(headers.timeout()));
    if (headers.priority() != null) attributes.put(PRIORITY, priority(headers.priority()));
    if (headers.hint() != null) attributes.put(HINT, headers.hint());
    return new CreateRequest(model, string(in, "prompt"), mode, duration(in),
        string(in, "resolution"), images, webhook, FalDialect.NAME, attributes, IdScheme.UUID);
  }

  private static ObjectNode object(String body) {
    if (body == null || body.isBlank()) return Json.object();
    ObjectNode obj = Json.parseObject(body); // strict: one object, nothing after it
    for (var it = obj.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!INPUTS.contains(name)) {
        throw SimException.invalid(name, "extra inputs are not permitted; this endpoint takes "
            + INPUTS.stream().sorted().toList());
      }
    }
    return obj;
  }

  private static String string(ObjectNode in, String field) {
    JsonNode n = in.get(field);
    if (n == null || n.isNull()) return null;
    if (!n.isTextual()) throw SimException.invalid(field, "str type expected");
    return n.asText();
  }

  /** {@code "8s"} as fal's veo endpoints take it, or a plain number of seconds. */
  private static BigDecimal duration(ObjectNode in) {
    JsonNode n = in.get("duration");
    if (n == null || n.isNull()) return null;
    if (n.isNumber()) return n.decimalValue();
    if (n.isTextual() && n.asText().matches("\\d{1,3}s?")) {
      return new BigDecimal(n.asText().replace("s", ""));
    }
    throw SimException.invalid("duration", "expected a duration such as \"8s\", got " + n);
  }

  private static String timeout(String value) {
    if (!value.matches("\\d{1,6}(\\.\\d{1,3})?") || new BigDecimal(value).compareTo(
        BigDecimal.ONE) <= 0) {
      throw SimException.invalid("x-fal-request-timeout", "expected a number of seconds greater"
          + " than 1, got '" + value + "'");
    }
    return value;
  }

  private static String priority(String value) {
    if (!value.equals("normal") && !value.equals("low")) {
      throw SimException.invalid("x-fal-queue-priority", "expected 'normal' or 'low', got '"
          + value + "'");
    }
    return value;
  }
}
