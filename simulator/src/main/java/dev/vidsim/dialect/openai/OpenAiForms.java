package dev.vidsim.dialect.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.errors.SimException;
import dev.vidsim.http.Json;
import dev.vidsim.http.Multipart;
import io.javalin.http.Context;
import dev.vidsim.jobs.CreateRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Create and remix bodies, as multipart/form-data (what the official SDK sends) or JSON (what the
 * API also takes). Strict like OpenAI: {@code seconds} is a string of digits, unknown fields are
 * refused, and every problem names its field.
 */
final class OpenAiForms {
  static final String DEFAULT_MODEL = "sora-2";
  private static final Set<String> CREATE_FIELDS = Set.of("prompt", "model", "seconds", "size",
      "input_reference", "input_reference[image_url]", "input_reference[file_id]");

  private OpenAiForms() {}

  static CreateRequest create(Context ctx) {
    Map<String, String> f = Multipart.isMultipart(ctx.contentType()) ? multipart(ctx)
        : json(ctx);
    List<String> images = new ArrayList<>();
    if (f.containsKey("input_reference")) images.add(f.get("input_reference"));
    if (f.containsKey("input_reference[image_url]")) {
      images.add(f.get("input_reference[image_url]"));
    }
    if (f.containsKey("input_reference[file_id]")) {
      images.add("file:" + f.get("input_reference[file_id]"));
    }
    String model = f.getOrDefault("model", DEFAULT_MODEL);
    return new CreateRequest(model, f.get("prompt"), null, seconds(f.get("seconds")),
        f.get("size"), images, null, OpenAiDialect.NAME, Map.of(), OpenAiWire.IDS);
  }

  /** A remix, edit or extension: a prompt, the source video's id (or an upload), seconds. */
  record Derived(String prompt, String videoId, BigDecimal seconds) {}

  static Derived derived(Context ctx, boolean withSeconds) {
    boolean remix = ctx.pathParamMap().containsKey("id");
    Set<String> allowed = remix ? Set.of("prompt") : withSeconds
        ? Set.of("prompt", "video", "video[id]", "seconds")
        : Set.of("prompt", "video", "video[id]");
    Map<String, String> f = Multipart.isMultipart(ctx.contentType()) ? fields(ctx, allowed)
        : jsonFields(ctx, allowed);
    String prompt = f.get("prompt");
    if (prompt == null || prompt.isBlank()) {
      throw SimException.invalid("prompt", "required and must not be blank");
    }
    String video = f.get("video[id]");
    if (!remix && video == null && !f.containsKey("video")) {
      throw SimException.invalid("video", "required: a video id (video[id]) or an upload");
    }
    if (withSeconds && f.get("seconds") == null) {
      throw SimException.invalid("seconds", "required: how many seconds to add, e.g. \"4\"");
    }
    return new Derived(prompt, video, seconds(f.get("seconds")));
  }

  private static Map<String, String> multipart(Context ctx) {
    return fields(ctx, CREATE_FIELDS);
  }

  /** Text fields as strings; an uploaded file as a short token (its bytes are not kept). */
  private static Map<String, String> fields(Context ctx, Set<String> allowed) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (Multipart.Part p : Multipart.parse(ctx.contentType(), ctx.bodyAsBytes()).values()) {
      if (!allowed.contains(p.name())) throw unknown(p.name(), allowed);
      out.put(p.name(), p.name().equals("input_reference") || p.name().equals("video")
          ? "upload:" + (p.filename() == null ? "input" : p.filename()) + ":"
              + p.content().length + "B"
          : p.text());
    }
    return out;
  }

  private static Map<String, String> json(Context ctx) {
    Map<String, String> out = jsonFields(ctx, Set.of("prompt", "model", "seconds", "size",
        "input_reference"));
    return out;
  }

  private static Map<String, String> jsonFields(Context ctx, Set<String> allowed) {
    ObjectNode body = Json.body(ctx, allowed);
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (var it = body.fields(); it.hasNext(); ) {
      var e = it.next();
      JsonNode v = e.getValue();
      if (v.isNull()) continue;
      if (e.getKey().equals("input_reference")) {
        reference(v).forEach(out::put);
      } else if (e.getKey().equals("video") && v.isObject() && v.path("id").isTextual()) {
        out.put("video[id]", v.get("id").asText());
      } else if (v.isTextual()) {
        out.put(e.getKey(), v.asText());
      } else {
        throw SimException.invalid(e.getKey(), "expected a string, got " + v.getNodeType()
            + (e.getKey().equals("seconds") ? " (seconds is a string such as \"8\")" : ""));
      }
    }
    return out;
  }

  private static Map<String, String> reference(JsonNode v) {
    if (v.isObject() && v.path("image_url").isTextual()) {
      return Map.of("input_reference[image_url]", v.get("image_url").asText());
    }
    if (v.isObject() && v.path("file_id").isTextual()) {
      return Map.of("input_reference[file_id]", v.get("file_id").asText());
    }
    throw SimException.invalid("input_reference",
        "expected an object with image_url or file_id (or a file in a multipart upload)");
  }

  private static BigDecimal seconds(String text) {
    if (text == null) return null;
    if (!text.matches("\\d{1,4}")) {
      throw SimException.invalid("seconds", "expected a whole number of seconds as a string"
          + " such as \"8\", got '" + text + "'");
    }
    return new BigDecimal(text);
  }

  private static SimException unknown(String field, Set<String> allowed) {
    return SimException.invalid(field, "unknown parameter; allowed: "
        + allowed.stream().sorted().toList());
  }
}
