package dev.vidsim.client.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.client.ApiResponse;
import dev.vidsim.client.JsonSupport;
import java.io.IOException;
import java.util.Map;

/**
 * fal's queue API: submit {@code POST /queue/{app}}, status
 * {@code GET /queue/{app}/requests/{id}/status}, cancel {@code PUT …/cancel}; auth
 * {@code Authorization: Key <key>}. A job id is {@code {app}/requests/{request_id}}, fal's own
 * request path, so a status poll needs nothing else. fal has no idempotency key, no listing of
 * requests and no model listing: a submit whose answer was lost cannot be found, so it is never
 * sent again (its outcome stays unknown); the catalog is the integrator's sheet.
 */
final class FalWire extends DialectWire {
  static final String QUEUE = "/fal/queue/";
  private static final String REQUESTS = "/requests/";

  private final LastSeen lastSeen = new LastSeen();

  FalWire(WireContext context) {
    super(context);
  }

  @Override
  String provider() {
    return "fal";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(false, false, true, false, false);
  }

  private Map<String, String> auth() {
    return Map.of("Authorization", "Key " + context.apiKey());
  }

  /** fal apps are {@code owner/alias}. */
  @Override
  ApiResponse models(Transport t) {
    return sheet(null, id -> id != null && id.matches("[^/]+/[^/]+(/.+)?"));
  }

  @Override
  ApiResponse create(CreateSpec s, Long seed, Transport t) throws IOException {
    ObjectNode body = JsonSupport.object().put("prompt", s.prompt());
    if (s.seconds() != null) body.put("duration", s.wholeSeconds() + "s");
    if (s.resolution() != null) body.put("resolution", s.resolution());
    if (!s.images().isEmpty()) body.put("image_url", s.images().get(0));
    if (seed != null) body.put("seed", seed);
    ApiResponse r = t.send("POST", QUEUE + s.model(), json(auth()), body.toString());
    if (!r.isSuccess()) return error(r, true);
    String app = app(s.model());
    ObjectNode job = JobJson.job(app + REQUESTS + JsonSupport.text(r.json(), "request_id"),
        s.model(), "queued");
    return ok(r, job);
  }

  @Override
  ApiResponse get(String jobId, Transport t) throws IOException {
    ApiResponse r = t.send("GET", QUEUE + jobId + "/status", auth(), null);
    if (!r.isSuccess()) return error(r, false);
    ApiResponse answer = ok(r, job(jobId, r.json()));
    lastSeen.put(jobId, context.clock().now(), answer);
    return answer;
  }

  /**
   * 202 CANCELLATION_REQUESTED is a request, not an outcome: the job is answered as last seen
   * (the next poll tells how it ended; polling at once would poll inside the poll floor);
   * 400 ALREADY_COMPLETED is a 409.
   */
  @Override
  ApiResponse cancel(String jobId, Transport t) throws IOException {
    ApiResponse r = t.send("PUT", QUEUE + jobId + "/cancel", auth(), null);
    if (r.status() == 400 && "ALREADY_COMPLETED".equals(JsonSupport.text(r.json(), "status"))) {
      return error(r, 409, NOT_CANCELLABLE, "request " + jobId + " already completed");
    }
    if (!r.isSuccess()) return error(r, false);
    ApiResponse seen = lastSeen.last(jobId);
    return seen != null ? ok(r, seen.json()) : ok(r, JobJson.job(jobId, app(jobId), "queued"));
  }

  /** IN_QUEUE, IN_PROGRESS, COMPLETED; a COMPLETED request with an error failed. */
  static ObjectNode job(String jobId, JsonNode s) {
    String status = String.valueOf(JsonSupport.text(s, "status"));
    ObjectNode job = JobJson.job(jobId, app(jobId), switch (status) {
      case "IN_QUEUE" -> "queued";
      case "IN_PROGRESS" -> "in_progress";
      default -> "succeeded";
    });
    String type = JsonSupport.text(s, "error_type");
    boolean failed = type != null || JsonSupport.text(s, "error") != null;
    if (status.equals("COMPLETED") && !failed && JsonSupport.text(s, "response_url") != null) {
      job.put("contentUrl", JsonSupport.text(s, "response_url"));
    }
    if (status.equals("COMPLETED") && failed) {
      JobJson.failed(job, switch (String.valueOf(type)) {
        case "request_timeout" -> "timeout";
        case "client_cancelled" -> "cancel";
        case "content_policy_violation" -> "contentFilter";
        default -> "error";
      }, JsonSupport.text(s, "error"));
    }
    return job;
  }

  /** The app of a model or request path: its first two segments (status drops subpaths). */
  static String app(String path) {
    String[] parts = path.split("/");
    return parts.length < 2 ? path : parts[0] + "/" + parts[1];
  }

  private static ApiResponse error(ApiResponse r, boolean create) {
    JsonNode d = r.json().path("detail");
    String detail = d.isTextual() ? d.asText() : d.isMissingNode() ? r.body() : d.toString();
    String code = switch (r.status()) {
      case 403 -> detail.contains("Exhausted balance") ? INSUFFICIENT_BALANCE : "forbidden";
      case 404 -> create ? MODEL_NOT_FOUND : "not_found";
      case 409 -> "conflict";
      case 400, 422 -> "invalid_request";
      case 429 -> "rate_limited";
      default -> JsonSupport.text(r.json(), "error_type");
    };
    return error(r, r.status(), code, detail);
  }
}
