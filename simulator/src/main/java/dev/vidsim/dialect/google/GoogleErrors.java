package dev.vidsim.dialect.google;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.errors.SimException;
import dev.vidsim.http.Json;

/** google.rpc.Status errors: {@code {"error":{"code","message","status","details"}}}. */
final class GoogleErrors {
  private GoogleErrors() {}

  record Shape(int status, String name) {}

  static Shape shape(SimException e, int status) {
    return switch (e.code()) {
      // a 4xx other than 400 (body too large, URI too long, an injected 413) keeps its status
      case INVALID_REQUEST -> new Shape(status >= 400 && status < 500 ? status : 400,
          "INVALID_ARGUMENT");
      case UNAUTHORIZED -> new Shape(401, "UNAUTHENTICATED");
      case INSUFFICIENT_BALANCE, RATE_LIMITED -> new Shape(429, "RESOURCE_EXHAUSTED");
      case MODEL_NOT_AVAILABLE_FOR_TIER -> new Shape(403, "PERMISSION_DENIED");
      case NOT_FOUND, MODEL_NOT_FOUND, CONTENT_EXPIRED -> new Shape(404, "NOT_FOUND");
      case JOB_NOT_READY, JOB_NOT_CANCELLABLE -> new Shape(400, "FAILED_PRECONDITION");
      case IDEMPOTENCY_IN_FLIGHT -> new Shape(409, "ABORTED");
      case IDEMPOTENCY_KEY_REUSED -> new Shape(409, "ALREADY_EXISTS");
      case INTERNAL -> new Shape(status, "INTERNAL");
      case BAD_GATEWAY, REGION_UNAVAILABLE, SIMULATOR_FULL -> new Shape(status, "UNAVAILABLE");
      case GATEWAY_TIMEOUT -> new Shape(status, "DEADLINE_EXCEEDED");
    };
  }

  static ObjectNode body(SimException e, Shape shape) {
    ObjectNode err = Json.object().put("code", shape.status()).put("message", e.getMessage())
        .put("status", shape.name());
    Object field = e.details().get("field");
    if (field != null) {
      err.putArray("details").addObject()
          .put("@type", "type.googleapis.com/google.rpc.BadRequest")
          .putArray("fieldViolations").addObject().put("field", field.toString())
          .put("description", e.getMessage());
    }
    Object retry = e.details().get("retryAfterSeconds");
    if (retry != null) {
      err.putArray("details").addObject().put("@type", "type.googleapis.com/google.rpc.RetryInfo")
          .put("retryDelay", retry + "s");
    }
    ObjectNode body = Json.object();
    body.set("error", err);
    return body;
  }
}
