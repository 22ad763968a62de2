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
 * OpenRouter's video API at {@code /openrouter/api/v1}, an aggregator: {@code POST /videos}
 * (202 {@code {id, polling_url, status}}), polled with {@code GET /videos/{id}}; its models from
 * {@code GET /videos/models}; Bearer keys; errors {@code {"error": {"code": <int>, "message"}}}.
 * No idempotency key, no listing of videos, no cancel: a create whose answer was lost is never
 * sent again, and a stuck job is flagged at the client's deadline. The sheet prices a model as
 * the aggregator sells it (its first upstream's price plus the markup); a fallback to a dearer
 * upstream costs more than the sheet says, which the client's reconciliation shows.
 */
final class OpenRouterWire extends DialectWire {
  static final String BASE = "/openrouter/api/v1";

  OpenRouterWire(WireContext context) {
    super(context);
  }

  @Override
  String provider() {
    return "OpenRouter";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(false, false, false, true, false);
  }

  private Map<String, String> auth() {
    return Map.of("Authorization", "Bearer " + context.apiKey());
  }

  /** The sheet's models that this key can reach now, as {@code /videos/models} lists them. */
  @Override
  ApiResponse models(Transport t) throws IOException {
    ApiResponse r = t.send("GET", BASE + "/videos/models", auth(), null);
    if (!r.isSuccess()) return error(r, false);
    Set<String> live = new HashSet<>();
    r.json().path("data").forEach(m -> live.add(JsonSupport.text(m, "id")));
    return sheet(r, live::contains);
  }

  @Override
  ApiResponse create(CreateSpec s, Long seed, Transport t) throws IOException {
    ObjectNode body = JsonSupport.object().put("model", s.model()).put("prompt", s.prompt());
    if (s.seconds() != null) body.put("duration", s.seconds().intValue());
    if (s.resolution() != null) body.put("resolution", s.resolution());
    if (!s.images().isEmpty()) {
      ObjectNode frame = body.putArray("frame_images").addObject().put("type", "image_url")
          .put("frame_type", "first_frame");
      frame.putObject("image_url").put("url", s.images().get(0));
    }
    if (seed != null) body.put("seed", seed);
    ApiResponse r = t.send("POST", BASE + "/videos", json(auth()), body.toString());
    return r.isSuccess() ? ok(r, job(r.json(), s.model())) : error(r, true);
  }

  @Override
  ApiResponse get(String jobId, Transport t) throws IOException {
    ApiResponse r = t.send("GET", BASE + "/videos/" + jobId, auth(), null);
    return r.isSuccess() ? ok(r, job(r.json(), context.modelOf(jobId))) : error(r, false);
  }

  @Override
  ApiResponse cancel(String jobId, Transport t) {
    throw new IllegalStateException("OpenRouter has no cancel");
  }

  /** pending → queued; failed, cancelled and expired as they say; the content by its URL. */
  static ObjectNode job(JsonNode v, String asked) {
    String status = String.valueOf(JsonSupport.text(v, "status"));
    String model = JsonSupport.text(v, "model") != null ? JsonSupport.text(v, "model") : asked;
    ObjectNode job = JobJson.job(JsonSupport.text(v, "id"), model, switch (status) {
      case "pending" -> "queued";
      case "in_progress", "expired" -> status;
      case "completed" -> "succeeded";
      default -> "failed";
    });
    if (status.equals("completed")) {
      job.put("contentUrl", BASE + "/videos/" + JsonSupport.text(v, "id") + "/content?index=0");
    }
    // the API tells no failure kind: a failure is an error, a cancel (by the provider) a cancel
    if (status.equals("failed")) JobJson.failed(job, "error", JsonSupport.text(v, "error"));
    if (status.equals("cancelled")) JobJson.failed(job, "cancel", JsonSupport.text(v, "error"));
    return job;
  }

  /** @param create a 404 on create means the model is gone (else the video is) */
  private static ApiResponse error(ApiResponse r, boolean create) {
    JsonNode e = r.json().path("error");
    String message = e.isObject() ? JsonSupport.text(e, "message") : r.body();
    String code = switch (r.status()) {
      case 402 -> INSUFFICIENT_BALANCE;
      case 403 -> create ? "model_not_available_for_tier" : "forbidden";
      case 404 -> create ? MODEL_NOT_FOUND : "not_found";
      case 409 -> "conflict";
      case 400, 422 -> "invalid_request";
      case 429 -> "rate_limited";
      default -> null;
    };
    return error(r, r.status(), code, message);
  }
}
