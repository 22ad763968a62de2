package dev.vidsim.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** The error envelope each dialect answers with, checked from outside, and what none may show. */
enum Envelope {
  /** {@code {"error":{"code","message","details"?}}}: /v1, /_sim and paths no dialect serves. */
  VIDSIM,
  /** {@code {"error":{"message","type","param","code"}}} and an {@code x-request-id}. */
  OPENAI,
  /** google.rpc.Status: {@code {"error":{"code": <the HTTP status>,"message","status"}}}. */
  GOOGLE,
  /** Runway's {@code {"error": "..."}}, with {@code issues} and {@code docUrl} for bad input. */
  RUNWAY,
  /** Replicate's RFC 7807 problem document: {@code {type, title, status, detail}}. */
  REPLICATE,
  /** fal's FastAPI-style {@code {"detail": "..."}} or {@code {"detail": [{loc, msg, type}]}}. */
  FAL,
  /** OpenRouter: {@code {"error":{"code": <HTTP status as an int>,"message","metadata"?}}}. */
  OPENROUTER;

  /** What no response may contain: a stack trace, a class or package name, a parser internal. */
  private static final List<String> LEAKS = List.of("Exception", "\tat ", "Caused by",
      "org.eclipse", "io.javalin", "com.fasterxml", "jakarta.", "java.", "dev.vidsim.",
      "StreamRead", "REDACTED", "<html");

  static Envelope forPath(String path) {
    if (path.startsWith("/openai/") || path.equals("/openai")) return OPENAI;
    if (path.startsWith("/gemini/") || path.startsWith("/vertex/")) return GOOGLE;
    if (path.startsWith("/runway/") || path.equals("/runway")) return RUNWAY;
    if (path.startsWith("/replicate/")) return REPLICATE;
    if (path.startsWith("/fal/")) return FAL;
    if (path.startsWith("/openrouter/")) return OPENROUTER;
    return VIDSIM;
  }

  /** Null when {@code r} is an error in this envelope, else what is wrong with it. */
  String problem(RawHttp.Response r) {
    String type = r.header("Content-Type");
    boolean json = type != null && (type.startsWith("application/json")
        || this == REPLICATE && type.startsWith("application/problem+json"));
    if (!json) return "content type " + type;
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(r.body());
    } catch (Exception e) {
      return "not JSON";
    }
    if (this == REPLICATE) return problemDocument(body);
    if (this == FAL) return falDetail(body);
    JsonNode err = body.path("error");
    if (this == RUNWAY) {
      return err.isTextual() && !err.asText().isBlank()
          && Set.of("error", "issues", "docUrl").containsAll(names(body)) ? null
          : "not Runway's {error: \"...\"} (issues, docUrl)";
    }
    if (body.size() != 1 || !err.isObject()) return "no single top-level 'error' object";
    if (!err.path("message").isTextual() || err.get("message").asText().isBlank()) {
      return "no error.message";
    }
    return switch (this) {
      case VIDSIM -> err.path("code").isTextual()
          && Set.of("code", "message", "details").containsAll(names(err)) ? null
          : "not vidsim's {code, message, details}";
      case OPENAI -> err.path("type").isTextual() && err.has("param") && err.has("code")
          && r.header("x-request-id") != null ? null : "not OpenAI's {message, type, param, code}";
      case GOOGLE -> err.path("code").asInt() == r.status() && err.path("status").isTextual()
          ? null : "not google.rpc.Status {code = HTTP status, message, status}";
      case RUNWAY, REPLICATE, FAL -> null; // checked above
      case OPENROUTER -> err.path("code").isInt() && err.path("code").asInt() == r.status()
          && Set.of("code", "message", "metadata").containsAll(names(err))
          ? null : "not OpenRouter's {code = HTTP status as an integer, message, metadata}";
    };
  }

  private static String problemDocument(JsonNode body) {
    for (String field : List.of("type", "title", "detail")) {
      if (!body.path(field).isTextual() || body.get(field).asText().isBlank()) {
        return "no problem-document " + field;
      }
    }
    return body.path("status").isInt() ? null : "no problem-document status";
  }

  private static String falDetail(JsonNode body) {
    JsonNode detail = body.path("detail");
    if (detail.isTextual() && !detail.asText().isBlank()) return null;
    if (!detail.isArray() || detail.isEmpty()) return "no fal detail";
    for (JsonNode d : detail) {
      if (!d.path("loc").isArray() || !d.path("msg").isTextual() || !d.path("type").isTextual()) {
        return "a fal validation detail without loc, msg and type";
      }
    }
    return null;
  }

  private static Set<String> names(JsonNode node) {
    Set<String> out = new java.util.HashSet<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** The first leak in a response body, or null. */
  static String leak(String body) {
    return LEAKS.stream().filter(body::contains).findFirst().orElse(null);
  }
}
