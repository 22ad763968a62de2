package dev.vidsim.dialect.runway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.errors.SimException;
import dev.vidsim.http.ErrorReply;
import dev.vidsim.http.Json;
import java.util.Map;

/**
 * Runway's error bodies: {@code {"error": "..."}}, and for input problems the validator's
 * {@code {"error": "Validation of body failed", "issues": [{code, path, message}], "docUrl"}}
 * (the SDK's {@code BadRequestError} carries it as {@code error}). Runway answers no credit and
 * an unknown model with a 400, a daily cap with a 429, and sends no rate-limit headers.
 */
final class RunwayErrors {
  static final String DOCS = "https://docs.dev.runwayml.com/api";
  /** Engine field names as Runway's bodies name them. */
  private static final Map<String, String> FIELDS = Map.of("prompt", "promptText", "seconds",
      "duration", "resolution", "ratio", "image", "promptImage", "images", "promptImage",
      "mode", "model", "id", "id");

  private RunwayErrors() {}

  static ErrorReply reply(SimException e, int status) {
    return switch (e.code()) {
      case INVALID_REQUEST -> invalid(e, status);
      case MODEL_NOT_FOUND -> validation(400, "model", "invalid_value", e.getMessage());
      case INSUFFICIENT_BALANCE -> plain(400, "You do not have enough credits to run this task."
          + " (" + e.getMessage() + ")");
      case MODEL_NOT_AVAILABLE_FOR_TIER -> plain(403, e.getMessage());
      // the engine names its own job id; a Runway caller knows the task's UUID
      case NOT_FOUND -> plain(404, "id".equals(e.details().get("field"))
          ? "Task not found: no task with this id for this API key (deleted tasks are gone)"
          : e.getMessage());
      case CONTENT_EXPIRED -> plain(404, e.getMessage());
      case RATE_LIMITED -> plain(429, "You have exceeded your rate limit: " + e.getMessage());
      default -> plain(status, e.getMessage());
    };
  }

  private static ErrorReply invalid(SimException e, int status) {
    Object field = e.details().get("field");
    if (status != 400 || field == null || field.equals("body") || field.equals("id")
        || field.toString().startsWith("X-")) {
      return plain(status, e.getMessage());
    }
    Object code = e.details().get("issue");
    // the dialect's own issues name Runway's fields; the engine's are renamed to them
    String name = code != null ? field.toString()
        : FIELDS.getOrDefault(field.toString(), field.toString());
    if (code == null) code = "custom";
    return validation(400, name, code.toString(), e.getMessage());
  }

  static ErrorReply plain(int status, String message) {
    return new ErrorReply(status, Json.object().put("error", message));
  }

  /** One issue located by its path: {@code promptImage.0.uri} is ["promptImage", 0, "uri"]. */
  static ErrorReply validation(int status, String field, String code, String message) {
    ObjectNode body = Json.object().put("error", "Validation of body failed");
    ObjectNode issue = body.putArray("issues").addObject().put("code", code);
    ArrayNode path = issue.putArray("path");
    for (String part : field.split("\\.")) {
      if (part.matches("\\d{1,4}")) path.add(Integer.parseInt(part));
      else path.add(part);
    }
    issue.put("message", message);
    return new ErrorReply(status, body.put("docUrl", DOCS));
  }
}
