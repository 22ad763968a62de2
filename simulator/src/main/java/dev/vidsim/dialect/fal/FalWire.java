package dev.vidsim.dialect.fal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.clock.InstantText;
import dev.vidsim.http.ErrorReply;
import dev.vidsim.http.Json;
import dev.vidsim.http.PlaceholderVideo;
import dev.vidsim.jobs.JobStatus;
import dev.vidsim.jobs.JobView;
import dev.vidsim.pricing.FailureKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * fal's queue objects: the submit answer, the status ({@code IN_QUEUE} with its position,
 * {@code IN_PROGRESS} with logs, {@code COMPLETED} with metrics and, for a failed request, its
 * {@code error}), and the result {@code {"video":{url,content_type,file_name,file_size}}}.
 * Status, result and cancel URLs name the app ({@code owner/alias}) without its subpath.
 */
final class FalWire {
  static final String QUEUE = "/fal/queue/";
  static final String FILES = "/fal/files/";

  private FalWire() {}

  static ObjectNode urls(ObjectNode o, String server, String app, String requestId) {
    String base = server + QUEUE + app + "/requests/" + requestId;
    return o.put("request_id", requestId).put("response_url", base)
        .put("status_url", base + "/status").put("cancel_url", base + "/cancel");
  }

  static ObjectNode status(JobView j, int queuePosition, boolean logs, String server,
                           String app) {
    ObjectNode o = Json.object().put("status", status(j.status()));
    urls(o, server, app, j.id());
    if (j.status() == JobStatus.QUEUED) return o.put("queue_position", queuePosition);
    if (logs) logs(o.putArray("logs"), j);
    else o.putNull("logs");
    if (!j.status().isTerminal()) return o;
    o.putObject("metrics").put("inference_time", seconds(j.startedAt(), j.completedAt()));
    if (j.failure() != null) o.put("error", j.errorMessage()).put("error_type", errorType(j));
    return o;
  }

  static String status(JobStatus s) {
    return switch (s) {
      case QUEUED -> "IN_QUEUE";
      case IN_PROGRESS -> "IN_PROGRESS";
      case SUCCEEDED, FAILED, TIMED_OUT, CANCELLED, EXPIRED -> "COMPLETED";
    };
  }

  /** fal's request error type for a failure, as its result and status carry it. */
  static String errorType(JobView j) {
    return switch (j.failure()) {
      case ERROR -> "runner_server_error";
      case TIMEOUT -> "request_timeout";
      case CANCEL -> "client_cancelled";
      case CONTENT_FILTER -> "content_policy_violation";
      case EXPIRED -> "request_expired";
    };
  }

  /** The HTTP status of the result of a request that failed this way. */
  static int resultStatus(FailureKind kind) {
    return switch (kind) {
      case ERROR -> 500;
      case TIMEOUT -> 504;
      case CANCEL -> 499;
      case CONTENT_FILTER -> 422;
      case EXPIRED -> 410;
    };
  }

  static ObjectNode result(JobView j, String server) {
    String id = j.id();
    ObjectNode o = Json.object();
    o.putObject("video").put("url", server + FILES + id + "/output.mp4")
        .put("content_type", "video/mp4").put("file_name", "output.mp4")
        .put("file_size", PlaceholderVideo.mp4(j.id(), j.seconds()).length);
    return o;
  }

  /**
   * A webhook's body: the result, or for a failed request fal's {@code "Invalid status code: N"}
   * with the error body its result answers as the payload.
   */
  static ObjectNode webhook(JobView j, String type, String server) {
    ObjectNode o = Json.object().put("request_id", j.id()).put("gateway_request_id", j.id())
        .put("status", type);
    if (j.status() == JobStatus.SUCCEEDED) {
      o.set("payload", result(j, server));
      return o.putNull("error");
    }
    ErrorReply failure = failure(j);
    o.set("payload", failure.body());
    return o.put("error", "Invalid status code: " + failure.status());
  }

  /** What the result of a request that ended without a video answers. */
  static ErrorReply failure(JobView j) {
    if (j.failure() == null) {
      return FalErrors.typed(500, j.status().wireName(), "runner_server_error");
    }
    int status = resultStatus(j.failure());
    return status == 422 ? FalErrors.validation(422, "prompt", j.errorMessage(), errorType(j))
        : FalErrors.typed(status, j.errorMessage(), errorType(j));
  }

  private static void logs(ArrayNode into, JobView j) {
    if (j.startedAt() != null) log(into, j.startedAt(), "Generating " + j.model());
    if (j.status() == JobStatus.IN_PROGRESS) log(into, j.startedAt(), j.progress() + "% done");
    if (j.completedAt() != null) log(into, j.completedAt(), j.failure() == null ? "Done"
        : "Failed: " + j.errorMessage());
  }

  private static void log(ArrayNode into, Instant at, String message) {
    into.addObject().put("message", message).put("level", "INFO").put("source", "USER")
        .put("timestamp", at == null ? null : InstantText.of(at));
  }

  static BigDecimal seconds(Instant from, Instant to) {
    if (from == null || to == null) return BigDecimal.ZERO;
    return BigDecimal.valueOf(Duration.between(from, to).toMillis())
        .divide(BigDecimal.valueOf(1000), 3, RoundingMode.UNNECESSARY);
  }
}
