package dev.vidsim.dialect.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.clock.InstantText;
import dev.vidsim.http.Json;
import dev.vidsim.jobs.JobStatus;
import dev.vidsim.jobs.JobView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Replicate's prediction object. Times are ISO-8601 with a {@code Z}; {@code output} is a URL
 * the caller can fetch without a key (served under {@code /replicate/delivery/}); a prediction
 * created by model name shows {@code "version": "hidden"}, as official models do.
 */
final class ReplicateWire {
  static final String BASE = "/replicate/v1";
  static final String DELIVERY = "/replicate/delivery";
  static final String INPUT = "replicate.input";
  static final String VERSION = "replicate.version";
  static final String WEBHOOK = "replicate.webhook";
  static final String EVENTS = "replicate.events";
  static final String CANCEL_AFTER = "replicate.cancel_after_ms";

  private ReplicateWire() {}

  static ObjectNode prediction(JobView j, String server) {
    String id = j.id();
    ObjectNode o = Json.object().put("id", id).put("model", j.model())
        .put("version", j.attributes().getOrDefault(VERSION, "hidden"));
    o.set("input", input(j));
    o.put("logs", logs(j)).put("source", "api").put("status", status(j));
    if (j.status() == JobStatus.SUCCEEDED) {
      o.put("output", server + DELIVERY + "/" + id + "/output.mp4");
    } else {
      o.putNull("output");
    }
    if (j.errorMessage() != null && j.status() != JobStatus.CANCELLED) {
      o.put("error", j.errorMessage());
    } else {
      o.putNull("error");
    }
    o.put("data_removed", j.status() == JobStatus.EXPIRED);
    o.put("created_at", iso(j.createdAt()));
    Instant deadline = deadline(j);
    if (deadline != null) o.put("deadline", iso(deadline));
    putTime(o, "started_at", j.startedAt());
    putTime(o, "completed_at", j.completedAt());
    if (j.completedAt() != null) {
      o.putObject("metrics").put("predict_time", seconds(j.startedAt(), j.completedAt()))
          .put("total_time", seconds(j.createdAt(), j.completedAt()));
    }
    String webhook = j.attributes().get(WEBHOOK);
    if (webhook != null) {
      o.put("webhook", webhook);
      o.set("webhook_events_filter", Json.MAPPER.valueToTree(ReplicateWebhooks.filter(j)));
    }
    String self = server + BASE + "/predictions/" + id;
    o.putObject("urls").put("get", self).put("cancel", self + "/cancel");
    return o;
  }

  /**
   * starting (queued) → processing → succeeded | failed | canceled. A lapsed output stays
   * succeeded with {@code data_removed}, as Replicate removes API data after an hour.
   */
  static String status(JobView j) {
    return switch (j.status()) {
      case QUEUED -> "starting";
      case IN_PROGRESS -> "processing";
      case SUCCEEDED -> "succeeded";
      // lapsed output: still succeeded; ended unfinished by the provider (outcome expired): aborted
      case EXPIRED -> j.failure() == null ? "succeeded" : "aborted";
      case FAILED, TIMED_OUT -> "failed";
      case CANCELLED -> aborted(j) ? "aborted" : "canceled";
    };
  }

  /** Its Cancel-After deadline passed before it started: Replicate says aborted. */
  private static boolean aborted(JobView j) {
    Instant deadline = deadline(j);
    return j.startedAt() == null && deadline != null && deadline.equals(j.completedAt());
  }

  private static Instant deadline(JobView j) {
    String ms = j.attributes().get(CANCEL_AFTER);
    return ms == null ? null : j.createdAt().plusMillis(Long.parseLong(ms));
  }

  private static String logs(JobView j) {
    StringBuilder b = new StringBuilder();
    if (j.startedAt() != null) b.append("Starting generation of ").append(j.model()).append('\n');
    if (j.status() == JobStatus.IN_PROGRESS) b.append(j.progress()).append("% rendered\n");
    if (j.completedAt() != null) b.append("Finished: ").append(status(j)).append('\n');
    return b.toString();
  }

  private static JsonNode input(JobView j) {
    String text = j.attributes().get(INPUT);
    try {
      return text == null ? Json.object() : Json.MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      return Json.object();
    }
  }

  /** Seconds with millisecond precision, as a JSON number (Replicate sends floats). */
  static BigDecimal seconds(Instant from, Instant to) {
    if (from == null || to == null) return BigDecimal.ZERO;
    return BigDecimal.valueOf(Duration.between(from, to).toMillis())
        .divide(BigDecimal.valueOf(1000), 3, RoundingMode.UNNECESSARY);
  }

  private static void putTime(ObjectNode o, String field, Instant at) {
    if (at == null) o.putNull(field);
    else o.put(field, iso(at));
  }

  static String iso(Instant at) {
    return InstantText.of(at);
  }

  /** A model's version id: 64 hex digits derived from its name, the same on every run. */
  static String versionOf(String modelId) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(("vidsim/" + modelId).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
