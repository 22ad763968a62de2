package dev.vidsim.jobs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A create request in engine terms, parsed once by a dialect. Optional fields are null and take
 * the model's defaults.
 *
 * @param images     input images (URLs or data URIs) for image-to-video
 * @param dialect    the wire format it arrived in; the job keeps it for its webhooks
 * @param attributes dialect-specific options kept with the job and shown back by that dialect
 * @param ids        how the dialect's job ids look (see {@link IdScheme}): one id everywhere, wire
 *                   and admin; null: vidsim's own
 */
public record CreateRequest(String model, String prompt, String mode, BigDecimal seconds,
                            String resolution, List<String> images, String webhookUrl,
                            String dialect, Map<String, String> attributes, IdScheme ids) {
  public static final String VIDSIM = "vidsim";

  public CreateRequest {
    images = images == null ? List.of() : List.copyOf(images);
    dialect = dialect == null ? VIDSIM : dialect;
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    ids = ids == null ? IdScheme.VIDSIM : ids;
  }

  /** A request of vidsim's own API. */
  public CreateRequest(String model, String prompt, String mode, BigDecimal seconds,
                       String resolution, List<String> images, String webhookUrl) {
    this(model, prompt, mode, seconds, resolution, images, webhookUrl, VIDSIM, Map.of(),
        IdScheme.VIDSIM);
  }

  /** Identifies the body for Idempotency-Key reuse checks: same key + other fingerprint → 422. */
  public String fingerprint() {
    return String.join("\u0001", String.valueOf(model), String.valueOf(prompt),
        String.valueOf(mode), seconds == null ? "null" : seconds.stripTrailingZeros()
            .toPlainString(),
        String.valueOf(resolution), String.join("\u0002", images), String.valueOf(webhookUrl),
        dialect, new TreeMap<>(attributes).toString());
  }
}
