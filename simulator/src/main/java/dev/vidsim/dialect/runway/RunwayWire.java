package dev.vidsim.dialect.runway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.http.Json;
import dev.vidsim.jobs.JobStatus;
import dev.vidsim.jobs.JobView;
import dev.vidsim.pricing.FailureKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Runway's task as {@code tasks.retrieve} types it in SDK 4.20.1: {@code PENDING} or
 * {@code THROTTLED} (waiting for a free concurrency slot) with {@code estimatedCost},
 * {@code RUNNING} with {@code progress} 0..1, and the terminal {@code SUCCEEDED} (output URLs),
 * {@code FAILED} ({@code failure}, {@code failureCode}) and {@code CANCELLED} with their final
 * {@code cost}. Task ids are UUIDs; outputs are keyless URLs, as Runway's signed URLs are.
 */
final class RunwayWire {
  static final String OUTPUTS = "/runway/outputs/";
  private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter
      .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private RunwayWire() {}

  /** @param throttled queued only because the organization's concurrency is used up */
  static ObjectNode task(JobView j, boolean throttled, String server, BigDecimal perCredit) {
    ObjectNode o = Json.object().put("id", taskId(j.id()))
        .put("createdAt", ISO_MILLIS.format(j.createdAt()))
        .put("status", status(j, throttled));
    if (!j.status().isTerminal()) {
      o.putObject("estimatedCost").set("credits", RunwayCredits.node(j.quote().total(),
          perCredit));
      if (j.status() == JobStatus.IN_PROGRESS) {
        o.put("progress", BigDecimal.valueOf(j.progress()).movePointLeft(2));
      }
      return o;
    }
    o.putObject("cost").set("credits", RunwayCredits.node(j.charged(), perCredit));
    if (j.status() == JobStatus.SUCCEEDED) {
      o.putArray("output").add(server + OUTPUTS + taskId(j.id()) + "/output.mp4");
    } else if (j.failure() != null && j.failure() != FailureKind.CANCEL) {
      o.put("failure", j.errorMessage()).put("failureCode", failureCode(j));
    }
    return o;
  }

  static String status(JobView j, boolean throttled) {
    return switch (j.status()) {
      case QUEUED -> throttled ? "THROTTLED" : "PENDING";
      case IN_PROGRESS -> "RUNNING";
      case SUCCEEDED -> "SUCCEEDED";
      case CANCELLED -> "CANCELLED";
      case FAILED, TIMED_OUT, EXPIRED -> "FAILED";
    };
  }

  /**
   * Runway's documented failure codes: moderation of the input (before rendering started) or
   * of the output, and internal errors.
   */
  static String failureCode(JobView j) {
    return switch (j.failure()) {
      case CONTENT_FILTER -> j.startedAt() == null ? "SAFETY.INPUT.TEXT" : "SAFETY.OUTPUT.VIDEO";
      case ERROR -> "INTERNAL.BAD_OUTPUT.CODE01";
      case TIMEOUT, EXPIRED, CANCEL -> "INTERNAL";
    };
  }

  static String iso(Instant at) {
    return ISO_MILLIS.format(at);
  }

  /** The engine draws Runway's ids as UUIDs (IdScheme.UUID): the task id is the engine id. */
  static String taskId(String engineId) {
    return engineId;
  }

  /** The engine id of a task id (UUIDs are compared lowercase), or null when it is no UUID. */
  static String engineId(String taskId) {
    String t = taskId.toLowerCase(java.util.Locale.ROOT);
    return t.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}") ? t : null;
  }
}
