package dev.vidsim.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.client.catalog.CostQuote;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * A job as the provider reported it at one moment (create, poll, cancel, lookup or webhook).
 *
 * @param charged   what the provider says this job has cost so far (net of refunds)
 * @param errorCode why it did not deliver: error, timeout, cancel, contentFilter; else null
 * @param quotedUnitPrice the unit price the provider says it applied (its "quote"), or null
 * @param quote     the provider's own quote for this job, or null; its poll fee is unknown (zero)
 * @param contentUrl where a provider dialect says the delivered video is (OpenAI-compatible:
 *                  its {@code /content} endpoint; Replicate: {@code output}; fal: the result
 *                  endpoint; Veo: the sample's URI), null before delivery and on vidsim's own
 *                  API (there: {@code GET /v1/videos/{id}/content})
 */
public record VideoJob(String id, String model, String mode, String status, int progress,
                       BigDecimal seconds, String resolution, Instant createdAt,
                       Instant completedAt, Amount charged, String currency,
                       String idempotencyKey, String errorCode, String errorMessage,
                       Amount quotedUnitPrice, CostQuote quote, String contentUrl) {
  private static final Set<String> IN_FLIGHT = Set.of("queued", "in_progress");

  public static VideoJob fromJson(JsonNode j) {
    JsonNode error = j.path("error");
    return new VideoJob(JsonSupport.text(j, "id"), JsonSupport.text(j, "model"),
        JsonSupport.text(j, "mode"), JsonSupport.text(j, "status"), j.path("progress").asInt(0),
        JsonSupport.decimal(j, "seconds", null), JsonSupport.text(j, "resolution"),
        instant(j, "createdAt"), instant(j, "completedAt"), JsonSupport.amount(j, "charged"),
        JsonSupport.text(j, "currency"), JsonSupport.text(j, "idempotencyKey"),
        error.isObject() ? JsonSupport.text(error, "code") : null,
        error.isObject() ? JsonSupport.text(error, "message") : null,
        j.path("quote").has("unitPrice") ? JsonSupport.amount(j.path("quote"), "unitPrice")
            : null,
        quote(JsonSupport.text(j, "model"), j.path("quote")), JsonSupport.text(j, "contentUrl"));
  }

  /** The wire quote as a {@link CostQuote}: chargedOnCreate includes the flat fee. */
  private static CostQuote quote(String model, JsonNode q) {
    if (!q.has("usage") || !q.has("chargedOnCreate")) return null;
    Amount flat = JsonSupport.amount(q, "flatFee");
    Amount usage = JsonSupport.amount(q, "usage");
    Amount onCreate = JsonSupport.amount(q, "chargedOnCreate").minus(flat);
    return new CostQuote(model, JsonSupport.text(q, "unit"),
        JsonSupport.decimal(q, "quantity", BigDecimal.ZERO), JsonSupport.amount(q, "unitPrice"),
        usage, onCreate, JsonSupport.amount(q, "heldOnCreate"), flat, Amount.ZERO,
        JsonSupport.text(q, "currency"));
  }

  private static Instant instant(JsonNode j, String field) {
    String t = JsonSupport.text(j, field);
    return t == null ? null : Instant.parse(t);
  }

  /** No more work will happen; the job's money is settled. */
  public boolean isTerminal() {
    return status != null && !IN_FLIGHT.contains(status);
  }

  public boolean isSucceeded() {
    return "succeeded".equals(status) || "expired".equals(status);
  }

  /**
   * Lifecycle rank, to tell a newer report from an older one: queued 0, in_progress 1,
   * terminal 2, expired 3.
   */
  public int rank() {
    if ("queued".equals(status)) return 0;
    if ("in_progress".equals(status)) return 1;
    return "expired".equals(status) ? 3 : 2;
  }

  /** The settlement policy kind that applies to a failed job. */
  public String failureKind() {
    if (errorCode != null) return errorCode;
    return switch (String.valueOf(status)) {
      case "timed_out" -> "timeout";
      case "cancelled" -> "cancel";
      default -> "error";
    };
  }
}
