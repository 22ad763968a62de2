package dev.vidsim.client.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.client.JsonSupport;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A provider's job in the client's {@code /v1} form: status {@code queued | in_progress |
 * succeeded | failed | timed_out | cancelled | expired}; a failure's {@code error.code} is its
 * kind ({@code error | timeout | cancel | contentFilter}), which the client's ledger prices by
 * the model's failure policy. Providers report no charge: the client's sheet prices the job.
 */
final class JobJson {
  private JobJson() {}

  static ObjectNode job(String id, String model, String status) {
    return JsonSupport.object().put("id", id).put("model", model).put("status", status);
  }

  static ObjectNode details(ObjectNode job, String prompt, BigDecimal seconds,
                            String resolution, Instant createdAt) {
    if (prompt != null) job.put("prompt", prompt);
    if (seconds != null) job.put("seconds", seconds);
    if (resolution != null) job.put("resolution", resolution);
    if (createdAt != null) job.put("createdAt", createdAt.toString());
    return job;
  }

  /** A failed job: its kind decides the status ({@code timeout → timed_out}, ...). */
  static ObjectNode failed(ObjectNode job, String kind, String message) {
    job.put("status", switch (kind) {
      case "timeout" -> "timed_out";
      case "cancel" -> "cancelled";
      default -> "failed";
    });
    job.putObject("error").put("code", kind).put("message", message);
    return job;
  }
}
