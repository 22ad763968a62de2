package dev.vidsim.dialect.vidsim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.clock.InstantText;
import dev.vidsim.engine.Simulator;
import dev.vidsim.engine.WebhookShape;
import dev.vidsim.engine.WebhookShapes;
import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.faults.Endpoint;
import dev.vidsim.http.Dialect;
import dev.vidsim.http.ErrorReply;
import dev.vidsim.http.Guard;
import dev.vidsim.http.Json;
import dev.vidsim.http.RateHeaders;
import dev.vidsim.http.Wire;
import dev.vidsim.jobs.JobView;
import dev.vidsim.limits.RateLimitFacts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;

/** vidsim's own API at /v1: Bearer keys, {@code {"error":{"code","message","details"}}}. */
public final class VidsimDialect implements Dialect {
  public static final String NAME = "vidsim";
  private final VidsimApi api;

  public VidsimDialect(Simulator sim) {
    this.api = new VidsimApi(sim);
  }

  @Override public String name() { return NAME; }
  @Override public String prefix() { return "/v1"; }
  @Override public String basePath() { return ""; }

  @Override
  public void routes(RoutesConfig r, Guard g) {
    r.get("/v1/models", g.guarded(this, Endpoint.MODELS, this::caller, api::models));
    r.post("/v1/videos", g.guarded(this, Endpoint.CREATE, api::parseCreate, api::create));
    r.get("/v1/videos", g.guarded(this, Endpoint.LIST, this::caller, api::list));
    r.get("/v1/videos/{id}", g.guarded(this, Endpoint.GET, this::aboutJob, api::get));
    r.post("/v1/videos/{id}/cancel", g.guarded(this, Endpoint.CANCEL, this::aboutJob,
        api::cancel));
    r.get("/v1/videos/{id}/content", g.guarded(this, Endpoint.CONTENT, this::aboutJob,
        api::content));
    r.get("/v1/account/balance", g.guarded(this, Endpoint.BALANCE, this::caller, api::balance));
    r.get("/v1/account/usage", g.guarded(this, Endpoint.USAGE, this::caller, api::usage));
    r.get("/v1/webhooks/secret", g.guarded(this, Endpoint.SECRET, this::caller, api::secret));
  }

  @Override
  public String apiKey(Context ctx) {
    return bearer(ctx);
  }

  /**
   * The bearer token, or null when no Authorization header came (the engine answers 401 with
   * what to send). A header in another scheme, or a bare key, is a 401 here: a client that sends
   * {@code Authorization: sk-...} fails at every real provider, so it fails here first.
   */
  static String bearer(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth == null) return null;
    String trimmed = auth.trim();
    int gap = 0;
    while (gap < trimmed.length() && !Character.isWhitespace(trimmed.charAt(gap))) gap++;
    boolean bearer = trimmed.substring(0, gap).equalsIgnoreCase("Bearer");
    String key = bearer ? trimmed.substring(gap).trim() : "";
    if (key.isEmpty()) {
      throw new SimException(ErrorCode.UNAUTHORIZED, "the Authorization header must use the"
          + " Bearer scheme: 'Authorization: Bearer <key>'; got " + (bearer ? "no key after"
          + " 'Bearer'" : "a header without 'Bearer '"), Map.of("expectedScheme", "Bearer"));
    }
    return key;
  }

  @Override
  public ErrorReply errorReply(SimException e, int status) {
    return new ErrorReply(status, envelope(e));
  }

  /** vidsim's error envelope: also the admin API's and that of paths no dialect serves. */
  public static ObjectNode envelope(SimException e) {
    ObjectNode err = Json.object().put("code", e.code().wireName()).put("message", e.getMessage());
    if (!e.details().isEmpty()) err.set("details", Json.MAPPER.valueToTree(e.details()));
    ObjectNode body = Json.object();
    body.set("error", err);
    return body;
  }

  @Override
  public void writeRateHeaders(Context ctx, RateLimitFacts f) {
    if (f.hasLimit()) {
      ctx.header("X-RateLimit-Limit", Integer.toString(f.limit()));
      ctx.header("X-RateLimit-Remaining", Long.toString(f.remaining()));
      ctx.header("X-RateLimit-Reset", Long.toString(f.resetSeconds()));
    }
    RateHeaders.retryAfter(ctx, f);
  }

  @Override
  public WebhookShape webhookShape() {
    return new WebhookShape() {
      @Override
      public String eventType(JobView j) {
        return WebhookShapes.vidsimEventType(j.status());
      }

      @Override
      public String body(String eventId, Instant at, String type, JobView j) {
        ObjectNode o = Json.object().put("id", eventId).put("object", "event").put("type", type)
            .put("createdAt", InstantText.of(at));
        o.set("data", Wire.job(j));
        return o.toString();
      }
    };
  }
}
