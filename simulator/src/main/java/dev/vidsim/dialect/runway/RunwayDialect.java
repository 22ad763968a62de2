package dev.vidsim.dialect.runway;

import dev.vidsim.engine.Simulator;
import dev.vidsim.engine.WebhookShape;
import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.faults.Endpoint;
import dev.vidsim.http.Call;
import dev.vidsim.http.Dialect;
import dev.vidsim.http.ErrorReply;
import dev.vidsim.http.Guard;
import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.limits.RateLimitFacts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Supplier;

/**
 * Runway's API at {@code /runway} (an SDK's {@code baseURL}; paths {@code /v1/...}), as
 * {@code @runwayml/sdk} 4.20.1 calls it: image_to_video and text_to_video tasks, retrieve,
 * cancel-or-delete, organization; Bearer keys and the required
 * {@code X-Runway-Version: 2024-11-06}; {@code {"error": ...}} bodies; no rate-limit headers,
 * no webhooks. Outputs are keyless URLs under {@code /runway/outputs}.
 */
public final class RunwayDialect implements Dialect {
  public static final String NAME = "runway";
  public static final String VERSION = "2024-11-06";
  private static final String BASE = "/runway/v1";
  private final RunwayTasks tasks;

  /** @param server the simulator's own base URL, for output links */
  public RunwayDialect(Simulator sim, Supplier<String> server) {
    this.tasks = new RunwayTasks(sim, server);
  }

  @Override public String name() { return NAME; }
  @Override public String prefix() { return "/runway"; }
  @Override public String basePath() { return "/runway"; }

  @Override
  public void routes(RoutesConfig r, Guard g) {
    var t = tasks;
    r.post(BASE + "/image_to_video", g.guarded(this, Endpoint.CREATE,
        ctx -> create(ctx, RunwayModels.IMAGE), t::create));
    r.post(BASE + "/text_to_video", g.guarded(this, Endpoint.CREATE,
        ctx -> create(ctx, RunwayModels.TEXT), t::create));
    r.get(BASE + "/tasks/{id}", g.guarded(this, Endpoint.GET, this::aboutJob, t::get));
    r.delete(BASE + "/tasks/{id}", g.guarded(this, Endpoint.DELETE, this::aboutJob, t::delete));
    r.get(BASE + "/organization", g.guarded(this, Endpoint.BALANCE, this::caller,
        t::organization));
    r.get(RunwayWire.OUTPUTS + "{id}/output.mp4", g.guarded(this, Endpoint.CONTENT,
        ctx -> Call.aboutJob(null, engineId(ctx.pathParam("id"))), t::output));
  }

  private Call<CreateRequest> create(Context ctx, String mode) {
    String key = caller(ctx).apiKey();
    CreateRequest req = RunwayInput.parse(ctx.body(), mode);
    return new Call<>(key, req.model(), null, req);
  }

  @Override
  public Call<Void> caller(Context ctx) {
    version(ctx);
    return Call.of(apiKey(ctx));
  }

  @Override
  public Call<Void> aboutJob(Context ctx) {
    String key = caller(ctx).apiKey();
    return Call.aboutJob(key, engineId(ctx.pathParam("id")));
  }

  private static String engineId(String taskId) {
    String id = RunwayWire.engineId(taskId);
    if (id == null) {
      throw SimException.invalid("id", "'" + taskId + "' is not a task id: expected a UUID");
    }
    return id;
  }

  /** Every API call names the API version; Runway has one, {@value #VERSION}. */
  static void version(Context ctx) {
    String v = ctx.header("X-Runway-Version");
    if (v == null || v.isBlank()) {
      throw SimException.invalid("X-Runway-Version", "header is required: send"
          + " 'X-Runway-Version: " + VERSION + "' (the SDK sends it by default)");
    }
    if (!v.trim().equals(VERSION)) {
      throw SimException.invalid("X-Runway-Version", "'" + v + "' is not a valid API"
          + " version; the only version is " + VERSION);
    }
  }

  /** {@code Authorization: Bearer <key>}, as the SDK sends RUNWAYML_API_SECRET. */
  @Override
  public String apiKey(Context ctx) {
    String key = Dialect.credential(ctx.header("Authorization"), "Bearer ");
    if (key == null) {
      throw new SimException(ErrorCode.UNAUTHORIZED, "Missing or malformed API key: send"
          + " 'Authorization: Bearer <key>' (the SDK reads RUNWAYML_API_SECRET)");
    }
    return key;
  }

  @Override
  public ErrorReply errorReply(SimException e, int status) {
    return RunwayErrors.reply(e, status);
  }

  /** Runway documents no rate-limit headers, Retry-After included: a 429 is its body alone. */
  @Override
  public void writeRateHeaders(Context ctx, RateLimitFacts f) {
    // nothing: the SDK then backs off on its own (0.5 s, 1 s, ... up to 8 s)
  }

  /** Runway sends no webhooks: clients poll {@code GET /v1/tasks/{id}}. */
  @Override
  public WebhookShape webhookShape() {
    return null;
  }
}
