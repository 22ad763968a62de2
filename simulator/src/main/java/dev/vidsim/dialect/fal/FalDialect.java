package dev.vidsim.dialect.fal;

import dev.vidsim.engine.Simulator;
import dev.vidsim.engine.WebhookShape;
import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.faults.Endpoint;
import dev.vidsim.http.Call;
import dev.vidsim.http.Dialect;
import dev.vidsim.http.ErrorReply;
import dev.vidsim.http.Guard;
import dev.vidsim.http.Json;
import dev.vidsim.http.PathRoutes;
import dev.vidsim.http.RateHeaders;
import dev.vidsim.limits.RateLimitFacts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.function.Supplier;

/**
 * fal's queue API at {@code /fal}, as {@code @fal-ai/client} 1.10.1 calls it: submit to
 * {@code /fal/queue/{owner}/{alias}[/{subpath}]}, status, result and cancel under the app
 * without its subpath; {@code Authorization: Key <key>}. The client has no base-URL option, so
 * it reaches vidsim either through a {@code requestMiddleware} that rewrites
 * {@code https://queue.fal.run} to {@code /fal/queue}, or through {@code /fal/proxy} with the
 * real URL in {@code x-fal-target-url} ({@code proxyUrl: {url, when: 'always'}}).
 */
public final class FalDialect implements Dialect {
  public static final String NAME = "fal";
  static final String PROXY = "/fal/proxy";
  static final String TARGET = "fal.targetUrl";
  private final Simulator sim;
  private final FalQueue queue;
  private final Supplier<String> server;
  private PathRoutes routes;

  /** @param server the simulator's own base URL, for links in webhook bodies */
  public FalDialect(Simulator sim, Supplier<String> server) {
    this.sim = sim;
    this.server = server;
    this.queue = new FalQueue(sim, this);
  }

  @Override public String name() { return NAME; }
  @Override public String prefix() { return "/fal"; }
  @Override public String webhookField() { return "fal_webhook"; }
  @Override public String basePath() { return "/fal"; }

  @Override
  public void routes(RoutesConfig r, Guard g) {
    routes = new PathRoutes(this, g, (ctx, method) -> new SimException(ErrorCode.NOT_FOUND,
        "no fal route " + method + " " + PathRoutes.path(ctx) + "; vidsim serves the queue API"
            + " under /fal/queue/{owner}/{alias} (synchronous fal.run and storage uploads are"
            + " not simulated: use fal.subscribe or fal.queue)"));
    queue.declare(routes);
    routes.add("GET", "^" + java.util.regex.Pattern.quote(FalWebhooks.JWKS) + "$",
        Endpoint.SECRET, ctx -> Call.of(null), (ctx, call, a) -> Json.write(ctx, 200,
            FalWebhooks.jwks(sim.call(e -> e.webhookPublicKey()))));
    r.get("/fal/*", ctx -> route(ctx, "GET"));
    r.post("/fal/*", ctx -> route(ctx, "POST"));
    r.put("/fal/*", ctx -> route(ctx, "PUT"));
  }

  /** {@code /fal/proxy} forwards to the route its {@code x-fal-target-url} names. */
  private void route(Context ctx, String method) throws Exception {
    if (!ctx.path().equals(PROXY)) {
      routes.dispatch(ctx, method, PathRoutes.decoded(ctx));
      return;
    }
    String target = ctx.header("x-fal-target-url");
    if (target == null || target.isBlank()) {
      throw SimException.invalid("x-fal-target-url", "required on " + PROXY + ": the fal URL"
          + " the client meant to call (set by proxyUrl: {url, when: 'always'})");
    }
    URI uri;
    try {
      uri = URI.create(target);
    } catch (IllegalArgumentException e) {
      throw SimException.invalid("x-fal-target-url", "not a URL: '" + target + "'");
    }
    String host = uri.getHost() == null ? "" : uri.getHost();
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (!host.equals("queue.fal.run") && !host.equals("fal.run")) {
      throw SimException.invalid("x-fal-target-url", "vidsim forwards to queue.fal.run only,"
          + " got host '" + host + "'");
    }
    ctx.attribute(TARGET, uri);
    routes.dispatch(ctx, method, (host.equals("fal.run") ? "/fal/run" : "/fal/queue") + path);
  }

  /** A query parameter of the request, or of the target URL when it came through the proxy. */
  static String query(Context ctx, String name) {
    URI target = ctx.attribute(TARGET);
    if (target == null) return ctx.queryParam(name);
    String q = target.getRawQuery();
    if (q == null) return null;
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      if (k.equals(name)) {
        return eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1),
            java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** {@code Authorization: Key <key>}, as the client sends its credentials. */
  @Override
  public String apiKey(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth == null || auth.isBlank()) {
      throw new SimException(ErrorCode.UNAUTHORIZED, "No credentials: send"
          + " 'Authorization: Key <key>' (the client reads FAL_KEY or credentials)");
    }
    String key = Dialect.credential(auth, "Key ");
    if (key == null) {
      throw new SimException(ErrorCode.UNAUTHORIZED, "Invalid authorization header: expected"
          + " 'Authorization: Key <key>'");
    }
    return key;
  }

  @Override
  public ErrorReply errorReply(SimException e, int status) {
    return FalErrors.reply(e, status);
  }

  @Override
  public void writeRateHeaders(Context ctx, RateLimitFacts f) {
    RateHeaders.retryAfter(ctx, f);
  }

  /** The request's outcome, signed with Ed25519; the public key at {@value FalWebhooks#JWKS}. */
  @Override
  public WebhookShape webhookShape() {
    return new FalWebhooks(server);
  }
}
