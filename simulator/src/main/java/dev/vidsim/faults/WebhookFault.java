package dev.vidsim.faults;

import java.time.Duration;
import java.util.Arrays;

/**
 * What happens to a webhook event: never sent, sent twice, sent late, or held back so that
 * later events overtake it.
 */
public record WebhookFault(Kind kind, Duration delay) {
  public static final Duration HOLD_DEFAULT = Duration.ofMinutes(10);

  public enum Kind {
    DROP, DUPLICATE, DELAY, REORDER;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Kind parse(String text) {
      return Arrays.stream(values()).filter(k -> k.wireName().equals(text)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException(
              "expected drop, duplicate, delay or reorder, got \"" + text + "\""));
    }
  }
}
