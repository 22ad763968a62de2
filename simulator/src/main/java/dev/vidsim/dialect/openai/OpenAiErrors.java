package dev.vidsim.dialect.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.errors.SimException;
import dev.vidsim.http.Json;

/**
 * OpenAI's error envelope {@code {"error":{"message","type","param","code"}}} and the status
 * OpenAI answers each engine error with (no balance is a 429 {@code insufficient_quota} there).
 */
final class OpenAiErrors {
  private OpenAiErrors() {}

  record Shape(int status, String type, String code) {}

  static Shape shape(SimException e, int status) {
    return switch (e.code()) {
      case INVALID_REQUEST -> new Shape(status, "invalid_request_error",
          e.details().containsKey("field") ? "invalid_value" : null);
      case UNAUTHORIZED -> new Shape(status, "invalid_request_error", "invalid_api_key");
      case INSUFFICIENT_BALANCE -> new Shape(429, "insufficient_quota", "insufficient_quota");
      case MODEL_NOT_AVAILABLE_FOR_TIER, MODEL_NOT_FOUND ->
          new Shape(404, "invalid_request_error", "model_not_found");
      case NOT_FOUND, CONTENT_EXPIRED -> new Shape(404, "invalid_request_error", null);
      case JOB_NOT_READY -> new Shape(400, "invalid_request_error", "video_not_ready");
      case JOB_NOT_CANCELLABLE, IDEMPOTENCY_IN_FLIGHT, IDEMPOTENCY_KEY_REUSED ->
          new Shape(status, "invalid_request_error", e.code().wireName());
      case RATE_LIMITED -> new Shape(429, "requests", "rate_limit_exceeded");
      case REGION_UNAVAILABLE, SIMULATOR_FULL ->
          new Shape(503, "service_unavailable_error", "server_is_overloaded");
      case INTERNAL, BAD_GATEWAY, GATEWAY_TIMEOUT -> new Shape(status, "server_error", null);
    };
  }

  static ObjectNode body(SimException e, Shape shape) {
    ObjectNode err = Json.object().put("message", e.getMessage()).put("type", shape.type());
    Object field = e.details().get("field");
    if (field != null) err.put("param", field.toString());
    else err.putNull("param");
    if (shape.code() != null) err.put("code", shape.code());
    else err.putNull("code");
    ObjectNode body = Json.object();
    body.set("error", err);
    return body;
  }
}
