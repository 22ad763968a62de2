package dev.vidsim.dialect.openrouter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.errors.SimException;
import dev.vidsim.http.ErrorReply;
import dev.vidsim.http.Json;

/**
 * OpenRouter's error envelope {@code {"error": {"code": <int>, "message", "metadata"?}}}: the
 * code is the HTTP status as an integer (the SDK's zod schemas require {@code z.int()}), and
 * {@code metadata} carries what the engine knows (the field, the upstream attempts).
 */
final class OpenRouterErrors {
  private OpenRouterErrors() {}

  static ErrorReply reply(SimException e, int status) {
    int answered = status(e, status);
    ObjectNode error = Json.object().put("code", answered).put("message", e.getMessage());
    if (!e.details().isEmpty()) {
      ObjectNode metadata = error.putObject("metadata");
      e.details().forEach((k, v) -> metadata.put(k, String.valueOf(v)));
    }
    ObjectNode body = Json.object();
    body.set("error", error);
    return new ErrorReply(answered, body);
  }

  /** The status OpenRouter answers each engine error with. */
  static int status(SimException e, int status) {
    return switch (e.code()) {
      // 405, 413, 414 and 431 are INVALID_REQUEST answered with their own status
      case INVALID_REQUEST -> status == 405 || status == 413 || status == 414 || status == 431
          ? status : 400;
      case UNAUTHORIZED -> 401;
      case INSUFFICIENT_BALANCE -> 402;
      case MODEL_NOT_AVAILABLE_FOR_TIER -> 403;
      case NOT_FOUND, MODEL_NOT_FOUND -> 404;
      case CONTENT_EXPIRED -> 410;
      case JOB_NOT_READY, JOB_NOT_CANCELLABLE, IDEMPOTENCY_IN_FLIGHT -> 409;
      case IDEMPOTENCY_KEY_REUSED -> 422;
      case RATE_LIMITED -> 429;
      case INTERNAL, BAD_GATEWAY, REGION_UNAVAILABLE, SIMULATOR_FULL, GATEWAY_TIMEOUT -> status;
    };
  }
}
