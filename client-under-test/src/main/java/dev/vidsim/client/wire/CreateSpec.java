package dev.vidsim.client.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.client.JsonSupport;
import java.math.BigDecimal;
import java.util.List;

/** The client's create body ({@code POST /v1/videos}), read once for a wire to re-encode. */
record CreateSpec(String model, String prompt, String mode, BigDecimal seconds,
                  String resolution, List<String> images, String webhookUrl) {
  static CreateSpec of(JsonNode body) {
    return new CreateSpec(JsonSupport.text(body, "model"), JsonSupport.text(body, "prompt"),
        JsonSupport.text(body, "mode"), JsonSupport.decimal(body, "seconds", null),
        JsonSupport.text(body, "resolution"), JsonSupport.strings(body, "images"),
        JsonSupport.text(body, "webhookUrl"));
  }

  boolean imageToVideo() {
    return "image-to-video".equals(mode) || !images.isEmpty();
  }

  /** Whole seconds, as every provider takes them. */
  String wholeSeconds() {
    return seconds == null ? null : seconds.stripTrailingZeros().toPlainString();
  }
}
