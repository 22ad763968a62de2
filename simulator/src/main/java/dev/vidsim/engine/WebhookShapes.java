package dev.vidsim.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.clock.InstantText;
import dev.vidsim.jobs.JobStatus;
import dev.vidsim.jobs.JobView;
import dev.vidsim.journal.Journal;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The webhook shape of each dialect, by dialect name; the HTTP layer registers them. */
public final class WebhookShapes {
  /** Without an HTTP layer, events carry a minimal job in vidsim's event envelope. */
  static final WebhookShape MINIMAL = new WebhookShape() {
    @Override
    public String eventType(JobView j) {
      return vidsimEventType(j.status());
    }

    @Override
    public String body(String eventId, Instant at, String type, JobView j) {
      ObjectNode o = Journal.fields().put("id", eventId).put("object", "event").put("type", type)
          .put("createdAt", InstantText.of(at));
      o.putObject("data").put("id", j.id()).put("object", "video").put("model", j.model())
          .put("status", j.status().wireName()).put("charged", j.charged().toString());
      return o.toString();
    }
  };
  private final Map<String, WebhookShape> byDialect = new ConcurrentHashMap<>();

  public void register(String dialect, WebhookShape shape) {
    byDialect.put(dialect, shape);
  }

  public WebhookShape forDialect(String dialect) {
    return byDialect.getOrDefault(dialect, MINIMAL);
  }

  /** vidsim's own event names for a job's final state. */
  public static String vidsimEventType(JobStatus status) {
    return switch (status) {
      case SUCCEEDED -> "video.completed";
      case CANCELLED -> "video.cancelled";
      case TIMED_OUT -> "video.timed_out";
      default -> "video.failed";
    };
  }
}
