package dev.vidsim.client.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.client.ApiResponse;
import dev.vidsim.client.JsonSupport;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An OpenAI-compatible {@code /videos} API (OpenAI's own shut down in 2026-09; aggregators serve
 * the shape): JSON create, {@code GET /videos/{id}}, {@code DELETE} to stop a running video,
 * {@code GET /videos?order=desc} to list, {@code GET /models}. No idempotency key: a create
 * whose answer was lost is found by listing recent videos and matching the prompt, model,
 * seconds and size it sent.
 */
final class OpenAiWire extends DialectWire {
  static final String BASE = "/openai/v1";
  /** Recent videos read when looking for a lost create (the API's page maximum). */
  static final int RECENT_MAX = 100;

  private final LastSeen lastSeen = new LastSeen();

  OpenAiWire(WireContext context) {
    super(context);
  }

  @Override
  String provider() {
    return "the OpenAI-compatible API";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(false, true, true, true, false);
  }

  private Map<String, String> auth() {
    return Map.of("Authorization", "Bearer " + context.apiKey(), "Accept", "application/json");
  }

  @Override
  ApiResponse models(Transport t) throws IOException {
    ApiResponse r = t.send("GET", BASE + "/models", auth(), null);
    if (!r.isSuccess()) return error(r);
    Set<String> live = new HashSet<>();
    r.json().path("data").forEach(m -> live.add(JsonSupport.text(m, "id")));
    return sheet(r, live::contains);
  }

  @Override
  ApiResponse create(CreateSpec s, Long seed, Transport t) throws IOException {
    ObjectNode body = JsonSupport.object().put("model", s.model()).put("prompt", s.prompt());
    if (s.seconds() != null) body.put("seconds", s.wholeSeconds());
    if (s.resolution() != null) body.put("size", s.resolution());
    if (!s.images().isEmpty()) {
      body.putObject("input_reference").put("image_url", s.images().get(0));
    }
    ApiResponse r = t.send("POST", BASE + "/videos", json(auth()), body.toString());
    return r.isSuccess() ? ok(r, job(r.json())) : error(r);
  }

  @Override
  ApiResponse get(String jobId, Transport t) throws IOException {
    ApiResponse r = t.send("GET", BASE + "/videos/" + encode(jobId), auth(), null);
    ApiResponse answer = r.isSuccess() ? ok(r, job(r.json())) : error(r);
    // a failed read is a read too: a cancel at this instant must not read again
    lastSeen.put(jobId, context.clock().now(), answer);
    return answer;
  }

  /**
   * The API has no cancel: {@code DELETE} stops a running video but also deletes a finished one
   * (answering only {@code {"id","deleted":true}}), so the video's status is read first and a
   * finished video is kept, as a 409. The status is the one read at this very instant (e.g. by
   * the poll that found the video past its deadline), else the listing's (a listing is not a
   * poll of the video: no second poll inside the poll floor), else a poll, no sooner than the
   * poll floor after the last read.
   */
  @Override
  ApiResponse cancel(String jobId, Transport t) throws IOException {
    ApiResponse now = lastSeen.fresh(jobId, context.clock().now());
    if (now == null) now = listed(jobId, t);
    if (now == null) now = readBeforeCancel(lastSeen, jobId, t);
    if (!now.isSuccess()) return now;
    String status = JsonSupport.text(now.json(), "status");
    if (!"queued".equals(status) && !"in_progress".equals(status)) {
      return error(now, 409, NOT_CANCELLABLE, "video " + jobId + " is already " + status);
    }
    ApiResponse r = t.send("DELETE", BASE + "/videos/" + encode(jobId), auth(), null);
    if (!r.isSuccess()) return error(r);
    ObjectNode job = (ObjectNode) now.json();
    job.remove("progress");
    return ok(r, JobJson.failed(job, "cancel", "deleted while running"));
  }

  /** The video as the newest page of the listing shows it; null when it is not on it. */
  private ApiResponse listed(String jobId, Transport t) throws IOException {
    ApiResponse r = t.send("GET", BASE + "/videos?order=desc&limit=" + RECENT_MAX, auth(), null);
    if (!r.isSuccess()) return error(r);
    for (JsonNode v : r.json().path("data")) {
      if (jobId.equals(JsonSupport.text(v, "id"))) return ok(r, job(v));
    }
    return null;
  }

  @Override
  List<JsonNode> recent(Transport t) throws IOException, ListingFailed {
    ApiResponse r = t.send("GET", BASE + "/videos?order=desc&limit=" + RECENT_MAX, auth(), null);
    if (!r.isSuccess()) throw new ListingFailed(error(r));
    List<JsonNode> out = new ArrayList<>();
    r.json().path("data").forEach(v -> out.add(job(v)));
    return out;
  }

  /** A video as a {@code /v1} job. */
  static ObjectNode job(JsonNode v) {
    String status = JsonSupport.text(v, "status");
    ObjectNode job = JobJson.job(JsonSupport.text(v, "id"), JsonSupport.text(v, "model"),
        switch (String.valueOf(status)) {
          case "completed" -> "succeeded";
          case "queued", "in_progress", "expired" -> status;
          default -> "failed";
        });
    job.put("progress", v.path("progress").asInt(0));
    JobJson.details(job, JsonSupport.text(v, "prompt"),
        JsonSupport.decimal(v, "seconds", null), JsonSupport.text(v, "size"),
        v.path("created_at").canConvertToLong()
            ? Instant.ofEpochSecond(v.get("created_at").asLong()) : null);
    if ("completed".equals(status)) {
      job.put("contentUrl", BASE + "/videos/" + encode(JsonSupport.text(v, "id")) + "/content");
    }
    if ("failed".equals(status)) {
      JsonNode e = v.path("error");
      JobJson.failed(job, kind(JsonSupport.text(e, "code")), JsonSupport.text(e, "message"));
    }
    return job;
  }

  private static String kind(String code) {
    return switch (String.valueOf(code)) {
      case "video_generation_timeout" -> "timeout";
      case "video_generation_cancelled" -> "cancel";
      case "moderation_blocked" -> "contentFilter";
      default -> "error";
    };
  }

  /** OpenAI's envelope is the client's; only "no credit" comes as a 429 and is not retried. */
  private static ApiResponse error(ApiResponse r) {
    JsonNode e = r.json().path("error");
    String code = JsonSupport.text(e, "code");
    String message = e.isObject() ? JsonSupport.text(e, "message") : r.body();
    if ("insufficient_quota".equals(code)) {
      return error(r, 402, INSUFFICIENT_BALANCE, message);
    }
    return error(r, r.status(), code, message);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
