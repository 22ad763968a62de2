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
 * @param idPrefix   how the dialect's job ids start ({@code vid_}, OpenAI's {@code video_}, none
 *                   for Google's lowercase operation ids): one id everywhere, wire and admin
 */
public record CreateRequest(String model, String prompt, String mode, BigDecimal seconds,
                            String resolution, List<String> images, String webhookUrl,
                            String dialect, Map<String, String> attributes, String idPrefix) {
  public static final String VIDSIM = "vidsim";
  public static final String VIDSIM_ID_PREFIX = "vid_";

  public CreateRequest {
    images = images == null ? List.of() : List.copyOf(images);
    dialect = dialect == null ? VIDSIM : dialect;
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    idPrefix = idPrefix == null ? VIDSIM_ID_PREFIX : idPrefix;
    if (!idPrefix.matches("[a-z0-9_-]{0,32}")) {
      throw new IllegalArgumentException("id prefix: a-z, 0-9, _ and -, got " + idPrefix);
    }
  }

  /** A request of vidsim's own API. */
  public CreateRequest(String model, String prompt, String mode, BigDecimal seconds,
                       String resolution, List<String> images, String webhookUrl) {
    this(model, prompt, mode, seconds, resolution, images, webhookUrl, VIDSIM, Map.of(),
        VIDSIM_ID_PREFIX);
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
