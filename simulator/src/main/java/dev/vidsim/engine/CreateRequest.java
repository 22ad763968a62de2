package dev.vidsim.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * A create request in engine terms, already type-checked by the wire layer. Optional fields are
 * null and take the model's defaults.
 *
 * @param images input images (URLs or data URIs) for image-to-video
 */
public record CreateRequest(String model, String prompt, String mode, BigDecimal seconds,
                            String resolution, List<String> images, String webhookUrl) {
  public CreateRequest {
    images = images == null ? List.of() : List.copyOf(images);
  }

  /** Identifies the body for Idempotency-Key reuse checks: same key + other fingerprint → 422. */
  public String fingerprint() {
    return String.join("\u0001", String.valueOf(model), String.valueOf(prompt),
        String.valueOf(mode), seconds == null ? "null" : seconds.stripTrailingZeros()
            .toPlainString(),
        String.valueOf(resolution), String.join("\u0002", images), String.valueOf(webhookUrl));
  }
}
