package dev.vidsim.dialect.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.engine.Simulator;
import dev.vidsim.engine.WebhookShape;
import dev.vidsim.errors.SimException;
import dev.vidsim.faults.Endpoint;
import dev.vidsim.http.Call;
import dev.vidsim.http.Guard;
import dev.vidsim.http.Json;
import io.javalin.http.Context;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Veo on Vertex AI (Gemini Enterprise Agent Platform) at {@code /vertex}, as google-genai in
 * enterprise mode calls it: with project and location ({@code projects/p/locations/l/...}) or
 * an API key alone (express mode, no prefix); polled with {@code :fetchPredictOperation}; the
 * video inline as base64 unless the request named a {@code storageUri}. No webhooks.
 */
public final class VertexDialect extends GoogleDialect {
  public static final String NAME = "vertex";
  private static final String VERSION = "/vertex/(v1|v1beta1)/";
  private static final String SCOPE = "((?:projects/[^/]+/locations/[^/]+/)?)";
  private static final String CREATE = "^" + VERSION + SCOPE
      + "publishers/google/models/([^/:]+):predictLongRunning$";
  private static final String FETCH = "^" + VERSION + "(.+):fetchPredictOperation$";
  private static final String MODELS = "^" + VERSION + SCOPE + "publishers/google/models$";

  public VertexDialect(Simulator sim) {
    super(sim);
  }

  @Override public String name() { return NAME; }
  @Override public String prefix() { return "/vertex"; }
  @Override public String basePath() { return "/vertex"; }

  @Override
  protected void declare(Guard g) {
    route(g, "POST", CREATE, Endpoint.CREATE, ctx -> create(ctx, match(ctx, CREATE).group(3),
        false), (ctx, call, a) -> {
          Matcher m = match(ctx, CREATE);
          answerCreate(ctx, call, a, m.group(2) + "publishers/google/models/" + m.group(3));
        });
    route(g, "POST", FETCH, Endpoint.GET, this::parseFetch,
        (ctx, call, a) -> answerOperation(ctx, call.apiKey(), call.jobId(), call.request(), true));
    route(g, "GET", MODELS, Endpoint.MODELS, this::caller, (ctx, call, a) -> {
      var out = Json.object();
      modelList(call.apiKey(), out, "publisherModels", "publishers/google/models/");
      Json.write(ctx, 200, out);
    });
  }

  private Call<String> parseFetch(Context ctx) {
    String key = apiKey(ctx);
    JsonNode body = Json.body(ctx, Set.of("operationName"));
    JsonNode name = body.get("operationName");
    if (name == null || !name.isTextual()) {
      throw SimException.invalid("operationName", "required: the name predictLongRunning"
          + " returned");
    }
    return new Call<>(key, null, jobIdOf(name.asText()), name.asText());
  }

  /** Vertex AI has no webhooks for Veo (webhookConfig is refused); use Pub/Sub or polling. */
  @Override
  public WebhookShape webhookShape() {
    return null;
  }
}
