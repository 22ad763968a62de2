package dev.vidsim.dialect.fal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.errors.SimException;
import dev.vidsim.http.Json;
import io.javalin.http.Context;

/**
 * fal's error bodies: input problems as FastAPI's 422 {@code {"detail":[{loc,msg,type}]}} (the
 * SDK raises its {@code ValidationError}), request errors as {@code {"detail","error_type"}}
 * with the same type in {@code X-Fal-Error-Type}, everything else {@code {"detail"}}.
 */
final class FalErrors {
  private FalErrors() {}

  static void write(Context ctx, SimException e, int status) {
    Object field = e.details().get("field");
    switch (e.code()) {
      case INVALID_REQUEST -> {
        if (field != null && field.toString().startsWith("x-fal-")) {
          typed(ctx, 400, e.getMessage(), "bad_request");
        } else {
          validation(ctx, 422, field == null ? "body" : field.toString(), e.getMessage(),
              "value_error");
        }
      }
      case UNAUTHORIZED -> detail(ctx, 401, e.getMessage());
      case INSUFFICIENT_BALANCE -> detail(ctx, 403, "User is locked. Reason: Exhausted balance. "
          + e.getMessage());
      case MODEL_NOT_AVAILABLE_FOR_TIER -> detail(ctx, 403, e.getMessage());
      case NOT_FOUND, MODEL_NOT_FOUND, CONTENT_EXPIRED -> detail(ctx, 404, e.getMessage());
      case JOB_NOT_READY, JOB_NOT_CANCELLABLE -> detail(ctx, 400, e.getMessage());
      case IDEMPOTENCY_IN_FLIGHT -> detail(ctx, 409, e.getMessage());
      case IDEMPOTENCY_KEY_REUSED -> detail(ctx, 422, e.getMessage());
      case RATE_LIMITED -> detail(ctx, 429, e.getMessage());
      case INTERNAL -> typed(ctx, status, e.getMessage(), "internal_error");
      case BAD_GATEWAY -> typed(ctx, status, e.getMessage(), "runner_incomplete_response");
      case REGION_UNAVAILABLE, SIMULATOR_FULL -> typed(ctx, status, e.getMessage(),
          "runner_scheduling_failure");
      case GATEWAY_TIMEOUT -> typed(ctx, status, e.getMessage(), "request_timeout");
    }
  }

  static void detail(Context ctx, int status, String message) {
    Json.write(ctx, code(ctx, status), Json.object().put("detail", message));
  }

  /** A request error: the type in the body and in {@code X-Fal-Error-Type}. */
  static void typed(Context ctx, int status, String message, String type) {
    ctx.header("X-Fal-Error-Type", type);
    Json.write(ctx, code(ctx, status), Json.object().put("detail", message)
        .put("error_type", type));
  }

  /** A model error: one typed error object located in the body. */
  static void validation(Context ctx, int status, String field, String message, String type) {
    ObjectNode body = Json.object();
    var loc = body.putArray("detail").addObject().putArray("loc").add("body");
    if (!field.equals("body")) loc.add(field);
    ObjectNode error = (ObjectNode) body.get("detail").get(0);
    error.put("msg", message).put("type", type);
    Json.write(ctx, code(ctx, status), body);
  }

  private static int code(Context ctx, int status) {
    return ctx.status().getCode() == 405 ? 405 : status;
  }
}
