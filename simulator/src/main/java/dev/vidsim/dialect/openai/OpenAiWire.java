package dev.vidsim.dialect.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.http.Json;
import dev.vidsim.jobs.JobStatus;
import dev.vidsim.jobs.JobView;
import dev.vidsim.pricing.FailureKind;
import java.time.Instant;

/**
 * The OpenAI Videos object. Every field is present ({@code null} where empty), times are integer
 * epoch seconds, {@code seconds} is a string, as the official SDK's validation requires.
 */
final class OpenAiWire {
  static final String REMIXED_FROM = "remixed_from_video_id";
  /** OpenAI's video ids start with {@code video_}; the engine gives the job that id. */
  static final dev.vidsim.jobs.IdScheme IDS = dev.vidsim.jobs.IdScheme.prefixed("video_");

  private OpenAiWire() {}

  static ObjectNode video(JobView j, boolean emitExpired) {
    ObjectNode o = Json.object().put("id", j.id()).put("object", "video")
        .put("model", j.model()).put("status", status(j.status(), j.failure(), emitExpired))
        .put("progress", j.progress());
    epoch(o, "created_at", j.createdAt());
    epoch(o, "completed_at", j.completedAt());
    epoch(o, "expires_at", j.expiresAt());
    o.put("prompt", j.prompt()).put("size", j.resolution())
        .put("seconds", j.seconds().stripTrailingZeros().toPlainString())
        .put(REMIXED_FROM, j.attributes().get(REMIXED_FROM));
    if (j.failure() == null) {
      o.putNull("error");
    } else {
      o.putObject("error").put("code", errorCode(j.failure())).put("message", j.errorMessage());
    }
    return o;
  }

  /**
   * The four statuses the SDK knows. A lapsed video stays {@code completed} (its
   * {@code expires_at} is past) unless the scenario asks for the {@code expired} some
   * OpenAI-compatible aggregators send.
   */
  static String status(JobStatus s, FailureKind failure, boolean emitExpired) {
    return switch (s) {
      case QUEUED -> "queued";
      case IN_PROGRESS -> "in_progress";
      case SUCCEEDED -> "completed";
      // a lapsed video stays completed; one the provider gave up on unfinished has failed
      case EXPIRED -> emitExpired ? "expired" : failure == null ? "completed" : "failed";
      case FAILED, TIMED_OUT, CANCELLED -> "failed";
    };
  }

  static String errorCode(FailureKind kind) {
    return switch (kind) {
      case ERROR -> "video_generation_failed";
      case TIMEOUT -> "video_generation_timeout";
      case CANCEL -> "video_generation_cancelled";
      case CONTENT_FILTER -> "moderation_blocked";
      case EXPIRED -> "video_expired";
    };
  }

  private static void epoch(ObjectNode o, String field, Instant at) {
    if (at == null) o.putNull(field);
    else o.put(field, at.getEpochSecond());
  }
}
