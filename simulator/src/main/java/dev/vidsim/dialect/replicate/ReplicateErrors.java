package dev.vidsim.dialect.replicate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.errors.SimException;
import dev.vidsim.http.Json;

/**
 * Replicate's RFC 7807 problem documents ({@code application/problem+json}: type, title,
 * status, detail) and the status Replicate answers each engine error with. Input problems are
 * a 422 with {@code invalid_fields}; a rate limit is 429 "Request was throttled".
 */
final class ReplicateErrors {
  static final String PROBLEM_JSON = "application/problem+json";
  private static final String DOCS = "https://replicate.com/docs/topics/predictions/errors#";

  private ReplicateErrors() {}

  record Shape(int status, String title, String slug) {}

  static Shape shape(SimException e, int status) {
    return switch (e.code()) {
      case INVALID_REQUEST -> "body".equals(e.details().get("field"))
          ? new Shape(400, "Bad request", "bad-request")
          : new Shape(422, "Input validation failed", "input-validation-failed");
      case UNAUTHORIZED -> new Shape(401, "Unauthenticated", "unauthenticated");
      case INSUFFICIENT_BALANCE -> new Shape(402, "Insufficient credit", "insufficient-credit");
      case MODEL_NOT_AVAILABLE_FOR_TIER -> new Shape(403, "Forbidden", "forbidden");
      case NOT_FOUND, MODEL_NOT_FOUND, CONTENT_EXPIRED -> new Shape(404, "Not found",
          "not-found");
      case JOB_NOT_READY, JOB_NOT_CANCELLABLE, IDEMPOTENCY_IN_FLIGHT ->
          new Shape(409, "Conflict", "conflict");
      case IDEMPOTENCY_KEY_REUSED -> new Shape(422, "Idempotency key reused",
          "idempotency-key-reused");
      case RATE_LIMITED -> new Shape(429, "Request was throttled", "throttled");
      case INTERNAL -> new Shape(status, "Internal Server Error", "internal-server-error");
      case BAD_GATEWAY -> new Shape(status, "Bad Gateway", "bad-gateway");
      case REGION_UNAVAILABLE, SIMULATOR_FULL -> new Shape(status, "Service Unavailable",
          "service-unavailable");
      case GATEWAY_TIMEOUT -> new Shape(status, "Gateway Timeout", "gateway-timeout");
    };
  }

  /** @param retryAfter the Retry-After seconds already written, or null */
  static ObjectNode body(SimException e, Shape shape, String retryAfter) {
    String detail = e.getMessage();
    if (shape.status() == 429) {
      detail = "Request was throttled." + (retryAfter != null && retryAfter.matches("\\d+")
          ? " Your rate limit resets in ~" + retryAfter + "s." : "") + " (" + e.getMessage() + ")";
    }
    ObjectNode o = Json.object().put("type", DOCS + shape.slug()).put("title", shape.title())
        .put("status", shape.status()).put("detail", detail);
    Object field = e.details().get("field");
    if (shape.status() == 422 && field != null) {
      o.putArray("invalid_fields").addObject().put("type", "invalid").put("field",
          field.toString()).put("description", e.getMessage());
    }
    return o;
  }
}
