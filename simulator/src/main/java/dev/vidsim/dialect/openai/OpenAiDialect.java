package dev.vidsim.dialect.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.engine.Simulator;
import dev.vidsim.engine.WebhookShape;
import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.faults.Endpoint;
import dev.vidsim.http.Dialect;
import dev.vidsim.http.ErrorReply;
import dev.vidsim.http.Guard;
import dev.vidsim.http.Json;
import dev.vidsim.http.RateHeaders;
import dev.vidsim.jobs.JobStatus;
import dev.vidsim.jobs.JobView;
import dev.vidsim.limits.RateLimitFacts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The OpenAI-compatible Videos API at {@code /openai/v1}, as {@code com.openai:openai-java}
 * speaks it: Bearer keys only, OpenAI's error envelope, {@code x-ratelimit-*-requests} headers,
 * an {@code x-request-id} on every answer, and project webhooks ({@code video.completed} /
 * {@code video.failed}).
 */
public final class OpenAiDialect implements Dialect {
  public static final String NAME = "openai";
  static final String BASE = "/openai/v1";
  private final OpenAiVideos videos;
  private final AtomicLong requests = new AtomicLong();

  public OpenAiDialect(Simulator sim) {
    this.videos = new OpenAiVideos(sim);
  }

  @Override public String name() { return NAME; }
  @Override public String prefix() { return "/openai"; }
  @Override public String basePath() { return BASE; }

  @Override
  public void routes(RoutesConfig r, Guard g) {
    r.get(BASE + "/models", g.guarded(this, Endpoint.MODELS, this::caller, videos::models));
    r.post(BASE + "/videos", g.guarded(this, Endpoint.CREATE, videos::parseCreate,
        videos::create));
    r.get(BASE + "/videos", g.guarded(this, Endpoint.LIST, this::caller, videos::list));
    r.get(BASE + "/videos/{id}", g.guarded(this, Endpoint.GET, this::aboutJob, videos::get));
    r.delete(BASE + "/videos/{id}", g.guarded(this, Endpoint.DELETE, this::aboutJob,
        videos::delete));
    r.get(BASE + "/videos/{id}/content", g.guarded(this, Endpoint.CONTENT, this::aboutJob,
        videos::content));
    r.post(BASE + "/videos/{id}/remix", g.guarded(this, Endpoint.CREATE, videos::parseRemix,
        videos::create));
    r.post(BASE + "/videos/edits", g.guarded(this, Endpoint.CREATE, videos::parseEdit,
        videos::create));
    r.post(BASE + "/videos/extensions", g.guarded(this, Endpoint.CREATE, videos::parseExtend,
        videos::create));
  }

  @Override
  public String apiKey(Context ctx) {
    return bearerKey(ctx);
  }

  /** OpenAI accepts only {@code Authorization: Bearer <key>}. */
  static String bearerKey(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth == null || auth.isBlank()) {
      throw new SimException(ErrorCode.UNAUTHORIZED, "You didn't provide an API key. You need"
          + " to provide your API key in an Authorization header using Bearer auth (i.e."
          + " Authorization: Bearer YOUR_KEY).");
    }
    String key = Dialect.credential(auth, "Bearer ");
    if (key == null) {
      throw new SimException(ErrorCode.UNAUTHORIZED, "Invalid authorization header: expected"
          + " 'Authorization: Bearer YOUR_KEY', got a header without the Bearer scheme.");
    }
    return key;
  }

  @Override
  public ErrorReply errorReply(SimException e, int status) {
    OpenAiErrors.Shape shape = OpenAiErrors.shape(e, status);
    return new ErrorReply(shape.status(), OpenAiErrors.body(e, shape),
        Map.of("x-request-id", requestId()));
  }

  @Override
  public void writeRateHeaders(Context ctx, RateLimitFacts f) {
    ctx.header("x-request-id", requestId());
    if (f.hasLimit()) {
      ctx.header("x-ratelimit-limit-requests", Integer.toString(f.limit()));
      ctx.header("x-ratelimit-remaining-requests", Long.toString(f.remaining()));
      ctx.header("x-ratelimit-reset-requests", f.resetSeconds() + "s");
    }
    RateHeaders.retryAfter(ctx, f);
  }

  /** Deterministic per server run: no wall clock and no unseeded randomness. */
  private String requestId() {
    long n = requests.incrementAndGet();
    return String.format("req_%016x%016x", mix(n), mix(~n));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** OpenAI's project webhooks: a thin event that names the video; fetch it for the rest. */
  @Override
  public WebhookShape webhookShape() {
    return new WebhookShape() {
      @Override
      public String eventType(JobView j) {
        return j.status() == JobStatus.SUCCEEDED ? "video.completed" : "video.failed";
      }

      @Override
      public String body(String eventId, Instant at, String type, JobView j) {
        ObjectNode o = Json.object().put("id", eventId).put("object", "event")
            .put("created_at", at.getEpochSecond()).put("type", type);
        o.putObject("data").put("id", j.id());
        return o.toString();
      }
    };
  }
}
