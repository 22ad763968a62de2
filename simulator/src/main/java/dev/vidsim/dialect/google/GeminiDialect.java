package dev.vidsim.dialect.google;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.clock.InstantText;
import dev.vidsim.engine.Simulator;
import dev.vidsim.engine.WebhookShape;
import dev.vidsim.faults.Endpoint;
import dev.vidsim.http.Call;
import dev.vidsim.http.Guard;
import dev.vidsim.http.Json;
import dev.vidsim.http.PlaceholderVideo;
import dev.vidsim.jobs.JobView;
import java.time.Instant;
import java.util.regex.Matcher;

/**
 * Veo on the Gemini API at {@code /gemini} ({@code v1beta}, and {@code v1}, the 2.x SDKs'
 * default): {@code models/m:predictLongRunning}, operations polled with GET, the video as a file
 * URI downloaded from {@code files/{id}:download?alt=media}, webhooks per request
 * ({@code webhookConfig}) as Standard Webhooks {@code video.generated} events.
 */
public final class GeminiDialect extends GoogleDialect {
  public static final String NAME = "gemini";
  private static final String VERSION = "/gemini/(v1|v1beta)/";
  private static final String CREATE = "^" + VERSION + "models/([^/:]+):predictLongRunning$";
  private static final String OPERATION = "^" + VERSION + "(models/[^/]+/operations/[a-z0-9]+)$";
  private static final String MODELS = "^" + VERSION + "models$";
  private static final String FILE = "^" + VERSION + "files/([a-z0-9]+):download$";

  public GeminiDialect(Simulator sim) {
    super(sim);
  }

  @Override public String name() { return NAME; }
  @Override public String prefix() { return "/gemini"; }
  @Override public String webhookField() { return "webhookConfig.uris"; }
  @Override public String basePath() { return "/gemini"; }

  @Override
  protected void declare(Guard g) {
    route(g, "POST", CREATE, Endpoint.CREATE, ctx -> create(ctx, match(ctx, CREATE).group(2),
        true), (ctx, call, a) -> answerCreate(ctx, call, a, "models/"
            + match(ctx, CREATE).group(2)));
    route(g, "GET", OPERATION, Endpoint.GET, ctx -> {
      String name = match(ctx, OPERATION).group(2);
      return new Call<>(apiKey(ctx), null, jobIdOf(name), name);
    }, (ctx, call, a) -> answerOperation(ctx, call.apiKey(), call.jobId(), call.request(),
        false));
    route(g, "GET", MODELS, Endpoint.MODELS, this::caller, (ctx, call, a) -> {
      ObjectNode out = Json.object();
      modelList(call.apiKey(), out, "models", "models/");
      Json.write(ctx, 200, out);
    });
    route(g, "GET", FILE, Endpoint.CONTENT, ctx -> {
      Matcher m = match(ctx, FILE);
      return Call.aboutJob(apiKey(ctx), VeoOperations.jobId(m.group(2)));
    }, (ctx, call, a) -> {
      JobView v = sim.call(e -> e.jobs().content(call.apiKey(), call.jobId()));
      ctx.status(200).contentType("video/mp4").result(PlaceholderVideo.mp4(v.id(),
          v.seconds()));
    });
  }

  /** The Gemini API's thin webhook event: the operation that finished, and how. */
  @Override
  public WebhookShape webhookShape() {
    return new WebhookShape() {
      @Override
      public String eventType(JobView j) {
        return "video.generated";
      }

      @Override
      public String body(String eventId, Instant at, String type, JobView j) {
        ObjectNode o = Json.object().put("type", type).put("version", "v1")
            .put("timestamp", InstantText.of(at));
        o.putObject("data").put("id", "models/" + j.model() + "/operations/"
            + VeoOperations.operationId(j.id())).put("done", true)
            .put("succeeded", VeoOperations.delivered(j));
        String metadata = j.attributes().get(VeoRequest.USER_METADATA);
        if (metadata != null) o.set("user_metadata", Json.parse(metadata));
        return o.toString();
      }
    };
  }
}
