package dev.vidsim.dialect.openrouter;

import dev.vidsim.engine.Simulator;
import dev.vidsim.engine.WebhookShape;
import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.faults.Endpoint;
import dev.vidsim.http.Call;
import dev.vidsim.http.Dialect;
import dev.vidsim.http.ErrorReply;
import dev.vidsim.http.Guard;
import dev.vidsim.http.RateHeaders;
import dev.vidsim.limits.RateLimitFacts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Supplier;

/**
 * OpenRouter's video API at {@code /openrouter/api/v1}, as {@code @openrouter/sdk} 1.3.19 calls
 * it: {@code POST /videos} (202), {@code GET /videos/{id}}, {@code GET /videos/{id}/content},
 * {@code GET /videos/models}; Bearer keys; {@code {"error": {"code", "message", "metadata"}}}.
 * It is an aggregator: its model ids are the scenario's {@code aggregators.openrouter} pools,
 * routed by the engine to upstream catalog models with fallback and markup. The API has no
 * cancel or list of videos (neither the SDK nor the docs have one), so neither does this.
 */
public final class OpenRouterDialect implements Dialect {
  public static final String NAME = "openrouter";
  private static final String BASE = OpenRouterWire.BASE;
  private final OpenRouterVideos videos;
  private final Supplier<String> server;

  /** @param server the simulator's own base URL, for links in webhook bodies */
  public OpenRouterDialect(Simulator sim, Supplier<String> server) {
    this.server = server;
    this.videos = new OpenRouterVideos(sim, this, server);
  }

  @Override public String name() { return NAME; }
  @Override public String prefix() { return "/openrouter"; }
  @Override public String webhookField() { return "callback_url"; }
  @Override public String basePath() { return BASE; }

  @Override
  public void routes(RoutesConfig r, Guard g) {
    var v = videos;
    r.post(BASE + "/videos", g.guarded(this, Endpoint.CREATE, v::parseCreate, v::create));
    r.get(BASE + "/videos/models", g.guarded(this, Endpoint.MODELS, this::anyone, v::models));
    r.get(BASE + "/videos/{id}", g.guarded(this, Endpoint.GET, this::aboutJob, v::get));
    r.get(BASE + "/videos/{id}/content", g.guarded(this, Endpoint.CONTENT, this::aboutJob,
        v::content));
    r.get(OpenRouterWire.DELIVERY + "/{id}/0.mp4", g.guarded(this, Endpoint.CONTENT,
        ctx -> Call.aboutJob(null, ctx.pathParam("id")), v::delivery));
  }

  /** The model list is public, as OpenRouter's is: a key, if sent, narrows it to the tenant. */
  private Call<Void> anyone(Context ctx) {
    return Call.of(ctx.header("Authorization") == null ? null : apiKey(ctx));
  }

  /** {@code Authorization: Bearer <key>}, as the SDK sends its {@code apiKey}. */
  @Override
  public String apiKey(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth == null || auth.isBlank()) {
      throw new SimException(ErrorCode.UNAUTHORIZED, "No auth credentials found: send"
          + " 'Authorization: Bearer <key>'");
    }
    String key = Dialect.credential(auth, "Bearer ");
    if (key == null) {
      throw new SimException(ErrorCode.UNAUTHORIZED, "expected 'Authorization: Bearer <key>'");
    }
    return key;
  }

  @Override
  public ErrorReply errorReply(SimException e, int status) {
    return OpenRouterErrors.reply(e, status);
  }

  /** OpenRouter documents no rate-limit headers for videos; a 429 carries Retry-After. */
  @Override
  public void writeRateHeaders(Context ctx, RateLimitFacts f) {
    RateHeaders.retryAfter(ctx, f);
  }

  @Override
  public WebhookShape webhookShape() {
    return OpenRouterWebhooks.shape(server);
  }
}
