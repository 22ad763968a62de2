package dev.vidsim.faults;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a created job ends instead of succeeding.
 *
 * @param after            simulated time after create when it fails (null: when it would have
 *                         finished; for timeout the default is 10 minutes)
 * @param deliveredSeconds for PARTIAL: seconds rendered before the failure
 * @param neverStarts      for STUCK: the job hangs queued instead of rendering forever
 */
public record JobOutcome(Kind kind, Duration after, BigDecimal deliveredSeconds,
                         boolean neverStarts) {
  public static final Duration TIMEOUT_DEFAULT = Duration.ofMinutes(10);

  public enum Kind {
    STUCK("stuck"), TIMEOUT("timeout"), CONTENT_FILTER("contentFilter"), ERROR("error"),
    PARTIAL("partial"), EXPIRED("expired");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    public static Kind parse(String text) {
      return Arrays.stream(values()).filter(k -> k.wireName.equals(text)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("expected stuck, timeout, "
              + "contentFilter, error, partial or expired, got \"" + text + "\""));
    }
  }

  public String describe() {
    return kind.wireName().toLowerCase(Locale.ROOT);
  }
}
