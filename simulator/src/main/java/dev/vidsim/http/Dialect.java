package dev.vidsim.http;

import dev.vidsim.engine.WebhookShape;
import dev.vidsim.errors.SimException;
import dev.vidsim.limits.RateLimitFacts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * One provider's wire format over the engine: its routes, how it reads the caller's key, its
 * error envelope, its rate-limit headers and its webhook shape. Nothing in a dialect prices,
 * holds, limits, schedules or remembers: {@link Guard} and the engine do that for all of them.
 */
public interface Dialect {
  /** Short name, as jobs remember it and {@code dialectBaseUrl(name)} takes it. */
  String name();

  /** Path prefix every route of this dialect starts with (e.g. {@code /openai}). */
  String prefix();

  /** The base URL an SDK is given, relative to the server (e.g. {@code /openai/v1}). */
  String basePath();

  void routes(RoutesConfig routes, Guard guard);

  /**
   * The caller's API key from this provider's auth header(s), or null when none was sent (the
   * engine then answers 401). A header in the wrong scheme is this provider's 401.
   */
  String apiKey(Context ctx);

  /** A request about no particular job: just the caller's key. */
  default Call<Void> caller(Context ctx) {
    return Call.of(apiKey(ctx));
  }

  /** A request about the job named by the path's {@code {id}}. */
  /**
   * The credential after {@code scheme} (e.g. "Bearer ") in an Authorization header, trimmed;
   * null when the header is missing, uses another scheme, or carries nothing after it.
   */
  static String credential(String authorization, String scheme) {
    if (authorization == null || !authorization.startsWith(scheme)) return null;
    String value = authorization.substring(scheme.length()).trim();
    return value.isEmpty() ? null : value;
  }

  default Call<Void> aboutJob(Context ctx) {
    return Call.aboutJob(apiKey(ctx), ctx.pathParam("id"));
  }

  /** The key for journaling, never throwing: whatever credential the request carries. */
  default String apiKeyOrNull(Context ctx) {
    try {
      return apiKey(ctx);
    } catch (SimException e) {
      return null;
    }
  }

  /**
   * This provider's answer to an error: its envelope, the status it answers with (usually the
   * given one) and its headers. Used for every error, including those Jetty raises before
   * routing, so it must not need a request.
   */
  ErrorReply errorReply(SimException e, int status);

  /** Where a create names its webhook URL on the wire, for errors about it. */
  default String webhookField() {
    return "webhookUrl";
  }

  /** Writes {@link #errorReply}; a 405 stays a 405 (the method was wrong, not the request). */
  default void writeError(Context ctx, SimException e, int status) {
    ErrorReply reply = errorReply(e, status);
    reply.headers().forEach(ctx::header);
    Json.write(ctx, ctx.status().getCode() == 405 ? 405 : reply.status(), reply.body());
  }

  /** Writes this provider's rate-limit headers (and Retry-After) for these facts. */
  void writeRateHeaders(Context ctx, RateLimitFacts facts);

  /** How this provider's webhooks look, or null when it sends none. */
  WebhookShape webhookShape();
}
