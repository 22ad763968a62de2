package dev.vidsim.dialect.replicate;

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
import dev.vidsim.http.RateHeaders;
import dev.vidsim.jobs.JobView;
import dev.vidsim.limits.RateLimitFacts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Supplier;

/**
 * Replicate's HTTP API at {@code /replicate/v1}, as the {@code replicate} npm SDK 1.4.0 calls
 * it: predictions by version or by model, {@code Prefer: wait[=n]}, cursor pages, cancel, the
 * default webhook secret; Bearer tokens; RFC 7807 problem documents; webhooks whose body is the
 * prediction, signed as Standard Webhooks. Outputs are keyless URLs under
 * {@code /replicate/delivery}.
 */
public final class ReplicateDialect implements Dialect {
  public static final String NAME = "replicate";
  private static final String BASE = ReplicateWire.BASE;
  private final ReplicatePredictions predictions;
  private final Supplier<String> server;

  /** @param server the simulator's own base URL, for links in webhook bodies */
  public ReplicateDialect(Simulator sim, Supplier<String> server) {
    this.server = server;
    this.predictions = new ReplicatePredictions(sim, this, server);
  }

  @Override public String name() { return NAME; }
  @Override public String prefix() { return "/replicate"; }
  @Override public String webhookField() { return "webhook"; }
  @Override public String basePath() { return BASE; }

  @Override
  public void routes(RoutesConfig r, Guard g) {
    var p = predictions;
    r.post(BASE + "/predictions", g.guarded(this, Endpoint.CREATE, p::parseByVersion, p::create));
    r.post(BASE + "/models/{owner}/{name}/predictions", g.guarded(this, Endpoint.CREATE,
        p::parseByModel, p::create));
    r.get(BASE + "/predictions", g.guarded(this, Endpoint.LIST, this::caller, p::list));
    r.get(BASE + "/predictions/{id}", g.guarded(this, Endpoint.GET, this::aboutJob, p::get));
    r.post(BASE + "/predictions/{id}/cancel", g.guarded(this, Endpoint.CANCEL,
        this::aboutJob, p::cancel));
    r.get(BASE + "/models/{owner}/{name}", g.guarded(this, Endpoint.MODELS, this::caller,
        p::model));
    r.get(BASE + "/webhooks/default/secret", g.guarded(this, Endpoint.SECRET, this::caller,
        p::secret));
    r.get(ReplicateWire.DELIVERY + "/{id}/output.mp4", g.guarded(this, Endpoint.CONTENT,
        ctx -> Call.aboutJob(null, ctx.pathParam("id")), p::delivery));
  }

  /** {@code Authorization: Bearer <token>} (the legacy {@code Token <token>} too). */
  @Override
  public String apiKey(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth == null || auth.isBlank()) {
      throw new SimException(ErrorCode.UNAUTHORIZED, "You did not pass an authentication token;"
          + " send 'Authorization: Bearer <token>'");
    }
    for (String scheme : new String[] {"Bearer ", "Token "}) {
      String token = Dialect.credential(auth, scheme);
      if (token != null) return token;
    }
    throw new SimException(ErrorCode.UNAUTHORIZED, "You did not pass a valid authentication"
        + " token; expected 'Authorization: Bearer <token>'");
  }

  @Override
  public ErrorReply errorReply(SimException e, int status) {
    ReplicateErrors.Shape shape = ReplicateErrors.shape(e, status);
    Object wait = e.details().get("retryAfterSeconds");
    return new ErrorReply(shape.status(), ReplicateErrors.body(e, shape,
        wait == null ? null : wait.toString()));
  }

  /** As {@link #errorReply}, as application/problem+json, with the answer's own Retry-After. */
  @Override
  public void writeError(Context ctx, SimException e, int status) {
    ReplicateErrors.Shape shape = ReplicateErrors.shape(e, status);
    int code = ctx.status().getCode() == 405 ? 405 : shape.status();
    Json.write(ctx, code, ReplicateErrors.body(e, shape, ctx.res().getHeader("Retry-After")),
        ReplicateErrors.PROBLEM_JSON);
  }

  /** Replicate documents no rate-limit headers; a 429 carries Retry-After. */
  @Override
  public void writeRateHeaders(Context ctx, RateLimitFacts f) {
    RateHeaders.retryAfter(ctx, f);
  }

  /** The prediction itself, at start, halfway (logs), output and completion, as filtered. */
  @Override
  public WebhookShape webhookShape() {
    return new ReplicateWebhooks(server);
  }
}
