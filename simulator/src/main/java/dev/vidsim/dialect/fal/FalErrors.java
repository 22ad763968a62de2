package dev.vidsim.dialect.fal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.errors.SimException;
import dev.vidsim.http.ErrorReply;
import dev.vidsim.http.Json;

/**
 * fal's error bodies: input problems as FastAPI's 422 {@code {"detail":[{loc,msg,type}]}} (the
 * SDK raises its {@code ValidationError}), request errors as {@code {"detail","error_type"}}
 * with the same type in {@code X-Fal-Error-Type}, everything else {@code {"detail"}}.
 */
final class FalErrors {
  private FalErrors() {}

  static ErrorReply reply(SimException e, int status) {
    Object field = e.details().get("field");
    return switch (e.code()) {
      case INVALID_REQUEST -> field != null && field.toString().startsWith("x-fal-")
          ? typed(400, e.getMessage(), "bad_request")
          : validation(422, field == null ? "body" : field.toString(), e.getMessage(),
              "value_error");
      case UNAUTHORIZED -> detail(401, e.getMessage());
      case INSUFFICIENT_BALANCE -> detail(403, "User is locked. Reason: Exhausted balance. "
          + e.getMessage());
      case MODEL_NOT_AVAILABLE_FOR_TIER -> detail(403, e.getMessage());
      case NOT_FOUND, MODEL_NOT_FOUND, CONTENT_EXPIRED -> detail(404, e.getMessage());
      case JOB_NOT_READY, JOB_NOT_CANCELLABLE -> detail(400, e.getMessage());
      case IDEMPOTENCY_IN_FLIGHT -> detail(409, e.getMessage());
      case IDEMPOTENCY_KEY_REUSED -> detail(422, e.getMessage());
      case RATE_LIMITED -> detail(429, e.getMessage());
      case INTERNAL -> typed(status, e.getMessage(), "internal_error");
      case BAD_GATEWAY -> typed(status, e.getMessage(), "runner_incomplete_response");
      case REGION_UNAVAILABLE, SIMULATOR_FULL -> typed(status, e.getMessage(),
          "runner_scheduling_failure");
      case GATEWAY_TIMEOUT -> typed(status, e.getMessage(), "request_timeout");
    };
  }

  /** Writes a reply a handler answers with itself (a failed request's result). */
  static void write(io.javalin.http.Context ctx, ErrorReply reply) {
    reply.headers().forEach(ctx::header);
    Json.write(ctx, reply.status(), reply.body());
  }

  /** A plain error: {@code {"detail": "..."}}. */
  static ErrorReply detail(int status, String message) {
    return new ErrorReply(status, Json.object().put("detail", message));
  }

  /** A request error: the type in the body and in {@code X-Fal-Error-Type}. */
  static ErrorReply typed(int status, String message, String type) {
    return new ErrorReply(status, Json.object().put("detail", message).put("error_type", type),
        java.util.Map.of("X-Fal-Error-Type", type));
  }

  /** A model error: one typed error object located in the body. */
  static ErrorReply validation(int status, String field, String message, String type) {
    ObjectNode body = Json.object();
    var loc = body.putArray("detail").addObject().putArray("loc").add("body");
    if (!field.equals("body")) loc.add(field);
    ObjectNode error = (ObjectNode) body.get("detail").get(0);
    error.put("msg", message).put("type", type);
    return new ErrorReply(status, body);
  }
}
