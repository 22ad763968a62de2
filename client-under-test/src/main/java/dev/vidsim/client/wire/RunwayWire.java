package dev.vidsim.client.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.client.ApiResponse;
import dev.vidsim.client.JsonSupport;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runway's tasks at {@code /runway/v1}: {@code POST /text_to_video} or {@code /image_to_video}
 * ({@code {model, promptText, ratio, duration, promptImage?}}) → {@code {id}}, polled with
 * {@code GET /tasks/{id}}, cancelled with {@code DELETE /tasks/{id}}; Bearer keys plus the
 * required {@code X-Runway-Version}. No idempotency key, no listing of tasks, no model listing:
 * a create whose answer was lost is never sent again (Runway charges at create, so the task it
 * made is paid for and nobody's), and the catalog is the integrator's sheet. A task does not
 * name its model: the client's store does.
 */
final class RunwayWire extends DialectWire {
  static final String BASE = "/runway/v1";
  static final String VERSION = "2024-11-06";
  private final LastSeen lastSeen = new LastSeen();

  RunwayWire(WireContext context) {
    super(context);
  }

  @Override
  String provider() {
    return "Runway";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(false, false, true, false, false);
  }

  private Map<String, String> auth() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Authorization", "Bearer " + context.apiKey());
    h.put("X-Runway-Version", VERSION);
    return h;
  }

  /** Runway's model ids have no owner prefix. */
  @Override
  ApiResponse models(Transport t) {
    return sheet(null, id -> id != null && !id.contains("/"));
  }

  /**
   * {@code ratio} and {@code duration} are required by most models: a generation that leaves
   * them to the model gets the sheet's first resolution and default length.
   */
  @Override
  ApiResponse create(CreateSpec s, Long seed, Transport t) throws IOException {
    JsonNode model = context.sheetModel(s.model());
    ObjectNode body = JsonSupport.object().put("model", s.model()).put("promptText", s.prompt());
    String ratio = s.resolution() != null ? s.resolution()
        : model.path("resolutions").path(0).asText(null);
    if (ratio != null) body.put("ratio", ratio);
    if (s.seconds() != null) body.put("duration", s.seconds().intValue());
    else if (model.path("defaultSeconds").canConvertToInt()) {
      body.put("duration", model.get("defaultSeconds").asInt());
    }
    if (!s.images().isEmpty()) body.put("promptImage", s.images().get(0));
    if (seed != null) body.put("seed", seed);
    String path = s.imageToVideo() ? "/image_to_video" : "/text_to_video";
    ApiResponse r = t.send("POST", BASE + path, json(auth()), body.toString());
    if (!r.isSuccess()) return error(r, true);
    return ok(r, JobJson.job(JsonSupport.text(r.json(), "id"), s.model(), "queued"));
  }

  @Override
  ApiResponse get(String jobId, Transport t) throws IOException {
    ApiResponse r = t.send("GET", BASE + "/tasks/" + jobId, auth(), null);
    ApiResponse answer = r.isSuccess() ? ok(r, job(r.json(), context.modelOf(jobId)))
        : error(r, false);
    // a failed read is a read too: a cancel at this instant must not read again
    lastSeen.put(jobId, context.clock().now(), answer);
    return answer;
  }

  /**
   * {@code DELETE} cancels a running task but deletes a finished one (its output gone), so the
   * status is read first and a finished task is kept, as a 409: the status read at this very
   * instant (e.g. by the poll that found it past its deadline), else a poll, no sooner than the
   * poll floor after the last read.
   */
  @Override
  ApiResponse cancel(String jobId, Transport t) throws IOException {
    ApiResponse now = lastSeen.fresh(jobId, context.clock().now());
    if (now == null) now = readBeforeCancel(lastSeen, jobId, t);
    if (!now.isSuccess()) return now;
    String status = JsonSupport.text(now.json(), "status");
    if (!"queued".equals(status) && !"in_progress".equals(status)) {
      return error(now, 409, NOT_CANCELLABLE, "task " + jobId + " is already " + status);
    }
    ApiResponse r = t.send("DELETE", BASE + "/tasks/" + jobId, auth(), null);
    if (!r.isSuccess()) return error(r, false);
    ObjectNode job = (ObjectNode) now.json();
    return ok(r, JobJson.failed(job, "cancel", "cancelled while " + status));
  }

  /** PENDING and THROTTLED are queued, RUNNING in progress; SAFETY.* failures are filtered. */
  static ObjectNode job(JsonNode task, String model) {
    String status = String.valueOf(JsonSupport.text(task, "status"));
    ObjectNode job = JobJson.job(JsonSupport.text(task, "id"), model, switch (status) {
      case "PENDING", "THROTTLED" -> "queued";
      case "RUNNING" -> "in_progress";
      case "SUCCEEDED" -> "succeeded";
      default -> "failed";
    });
    String created = JsonSupport.text(task, "createdAt");
    JobJson.details(job, null, null, null, created == null ? null : Instant.parse(created));
    if (status.equals("SUCCEEDED") && task.path("output").path(0).isTextual()) {
      job.put("contentUrl", task.get("output").get(0).asText());
    }
    if (status.equals("CANCELLED")) JobJson.failed(job, "cancel", "cancelled");
    if (status.equals("FAILED")) {
      String code = String.valueOf(JsonSupport.text(task, "failureCode"));
      // Runway tells moderation apart; timeouts and errors are both INTERNAL.*
      JobJson.failed(job, code.startsWith("SAFETY") ? "contentFilter" : "error",
          JsonSupport.text(task, "failure"));
    }
    return job;
  }

  /**
   * Runway answers no credit and an unknown model with a 400 ({@code issues[].path} names the
   * field), a model the tier may not use with a 403, a daily cap with a 429.
   * @param create a 404 on create means the model is gone (else the task is)
   */
  private static ApiResponse error(ApiResponse r, boolean create) {
    JsonNode body = r.json();
    String message = JsonSupport.text(body, "error") != null ? JsonSupport.text(body, "error")
        : r.body();
    JsonNode issue = body.path("issues").path(0);
    if (issue.isObject()) message = message + ": " + issue.path("message").asText();
    boolean aboutModel = "model".equals(issue.path("path").path(0).asText());
    if (r.status() == 400 && message.contains("enough credits")) {
      return error(r, 402, INSUFFICIENT_BALANCE, message);
    }
    String code = switch (r.status()) {
      case 400 -> create && aboutModel ? MODEL_NOT_FOUND : "invalid_request";
      case 403 -> create ? "model_not_available_for_tier" : "forbidden";
      case 404 -> create ? MODEL_NOT_FOUND : "not_found";
      case 429 -> "rate_limited";
      default -> null;
    };
    return error(r, r.status(), code, message);
  }
}
