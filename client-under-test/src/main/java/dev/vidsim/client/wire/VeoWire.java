package dev.vidsim.client.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.client.ApiResponse;
import dev.vidsim.client.JsonSupport;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Veo's long-running operations, on the Gemini API ({@code POST /v1beta/models/{m}:
 * predictLongRunning}, polled with {@code GET /v1beta/{operation name}}) or on Vertex AI
 * ({@code POST /v1beta1/publishers/google/models/{m}:predictLongRunning}, polled with
 * {@code POST {model}:fetchPredictOperation}); auth {@code x-goog-api-key}; errors are
 * google.rpc.Status. A job id is the operation's name. No idempotency key, no listing of
 * operations, no cancel: a create whose answer was lost is never sent again, and a stuck job is
 * flagged at the client's deadline, not cancelled.
 */
final class VeoWire extends DialectWire {
  private final boolean vertex;

  VeoWire(WireContext context, boolean vertex) {
    super(context);
    this.vertex = vertex;
  }

  @Override
  String provider() {
    return vertex ? "Vertex AI" : "the Gemini API";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(false, false, false, true, false);
  }

  private String base() {
    return vertex ? "/vertex/v1beta1/publishers/google/models" : "/gemini/v1beta/models";
  }

  private Map<String, String> auth() {
    return Map.of("x-goog-api-key", context.apiKey());
  }

  @Override
  ApiResponse models(Transport t) throws IOException {
    ApiResponse r = t.send("GET", base(), auth(), null);
    if (!r.isSuccess()) return error(r, false);
    Set<String> live = new HashSet<>();
    r.json().path(vertex ? "publisherModels" : "models").forEach(m -> {
      String name = String.valueOf(JsonSupport.text(m, "name"));
      live.add(name.substring(name.lastIndexOf('/') + 1));
    });
    return sheet(r, live::contains);
  }

  @Override
  ApiResponse create(CreateSpec s, Long seed, Transport t) throws IOException {
    ObjectNode body = JsonSupport.object();
    ObjectNode instance = body.putArray("instances").addObject().put("prompt", s.prompt());
    if (!s.images().isEmpty()) {
      instance.putObject("image").put("gcsUri", s.images().get(0)).put("mimeType", "image/png");
    }
    ObjectNode parameters = body.putObject("parameters").put("sampleCount", 1);
    if (s.seconds() != null) parameters.put("durationSeconds", s.seconds().intValue());
    if (s.resolution() != null) parameters.put("resolution", s.resolution());
    // Vertex takes a seed; the Gemini API refuses one
    if (vertex && seed != null) parameters.put("seed", seed);
    ApiResponse r = t.send("POST", base() + "/" + s.model() + ":predictLongRunning",
        json(auth()), body.toString());
    if (!r.isSuccess()) return error(r, true);
    return ok(r, JobJson.job(JsonSupport.text(r.json(), "name"), s.model(), "queued"));
  }

  @Override
  ApiResponse get(String name, Transport t) throws IOException {
    ApiResponse r;
    if (vertex) {
      String model = name.contains("/operations/") ? name.substring(0,
          name.indexOf("/operations/")) : name;
      r = t.send("POST", "/vertex/v1beta1/" + model + ":fetchPredictOperation", json(auth()),
          JsonSupport.object().put("operationName", name).toString());
    } else {
      r = t.send("GET", "/gemini/v1beta/" + name, auth(), null);
    }
    return r.isSuccess() ? ok(r, job(name, r.json(), vertex)) : error(r, false);
  }

  @Override
  ApiResponse cancel(String jobId, Transport t) {
    throw new IllegalStateException("Veo operations cannot be cancelled");
  }

  /** Not done: running; done with an error: failed by its status; 0 samples: filtered. */
  static ObjectNode job(String name, JsonNode op, boolean vertex) {
    String model = modelOf(name);
    if (!op.path("done").asBoolean(false)) {
      ObjectNode job = JobJson.job(name, model, "in_progress");
      return job.put("progress", op.path("metadata").path("progressPercent").asInt(0));
    }
    ObjectNode job = JobJson.job(name, model, "succeeded");
    JsonNode e = op.path("error");
    if (e.isObject()) {
      String status = String.valueOf(JsonSupport.text(e, "status"));
      if (status.equals("ABORTED")) return job.put("status", "expired");
      return JobJson.failed(job, switch (status) {
        case "CANCELLED" -> "cancel";
        case "DEADLINE_EXCEEDED" -> "timeout";
        default -> "error";
      }, JsonSupport.text(e, "message"));
    }
    JsonNode response = vertex ? op.path("response")
        : op.path("response").path("generateVideoResponse");
    if (response.path("raiMediaFilteredCount").asInt(0) > 0) {
      return JobJson.failed(job, "contentFilter", "filtered by responsible-AI checks");
    }
    JsonNode video = vertex ? response.path("videos").path(0)
        : response.path("generatedSamples").path(0).path("video");
    String uri = JsonSupport.text(video, vertex ? "gcsUri" : "uri");
    // Vertex answers the bytes inline when no storageUri was given: no URL then
    if (uri != null) job.put("contentUrl", uri);
    return job;
  }

  /** {@code …models/{m}/operations/{id}} → m. */
  static String modelOf(String name) {
    int ops = name.indexOf("/operations/");
    String head = ops < 0 ? name : name.substring(0, ops);
    return head.substring(head.lastIndexOf('/') + 1);
  }

  /** google.rpc.Status: the HTTP status and the status name; no credit is a quota error. */
  private static ApiResponse error(ApiResponse r, boolean create) {
    JsonNode e = r.json().path("error");
    String message = e.isObject() ? JsonSupport.text(e, "message") : r.body();
    String status = e.isObject() ? String.valueOf(JsonSupport.text(e, "status")) : "";
    if (status.equals("RESOURCE_EXHAUSTED") && message != null
        && message.toLowerCase(java.util.Locale.ROOT).contains("balance")) {
      // the same 429 as a rate limit, but no wait makes money appear: not retried
      return error(r, 402, INSUFFICIENT_BALANCE, message);
    }
    String code = switch (status) {
      case "NOT_FOUND" -> create ? MODEL_NOT_FOUND : "not_found";
      case "PERMISSION_DENIED" -> create ? "model_not_available_for_tier" : "forbidden";
      case "RESOURCE_EXHAUSTED" -> "rate_limited";
      case "INVALID_ARGUMENT" -> "invalid_request";
      default -> status.isEmpty() ? null : status.toLowerCase(java.util.Locale.ROOT);
    };
    return error(r, r.status(), code, message);
  }
}
