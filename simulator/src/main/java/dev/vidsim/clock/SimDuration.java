package dev.vidsim.clock;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the duration syntax of scenario files and admin requests: "500ms", "2s", "10m", "1h30m".
 */
public final class SimDuration {
  public static final String PATTERN = "^(\\d+(ms|s|m|h|d))+$";
  /** Longest duration accepted anywhere: ten years of simulated time. */
  public static final Duration MAX = Duration.ofDays(3650);
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private SimDuration() {}

  public static Duration parse(String text) {
    if (text == null || !text.matches(PATTERN)) {
      throw new IllegalArgumentException(
          "expected a duration such as \"500ms\", \"30s\", \"10m\", \"1h30m\", got \"" + text
              + "\"");
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(text);
    while (m.find()) {
      if (m.group(1).length() > 9) throw tooLong(text);
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      });
    }
    if (total.compareTo(MAX) > 0) throw tooLong(text);
    return total;
  }

  private static IllegalArgumentException tooLong(String text) {
    return new IllegalArgumentException("duration \"" + text + "\" is longer than the maximum "
        + MAX.toDays() + "d");
  }

  /** The shortest spelling in the same syntax: 90s → "1m30s". */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    long h = d.toHours();
    long m = d.toMinutesPart();
    long s = d.toSecondsPart();
    long ms = d.toMillisPart();
    if (h > 0) sb.append(h).append('h');
    if (m > 0) sb.append(m).append('m');
    if (s > 0) sb.append(s).append('s');
    if (ms > 0) sb.append(ms).append("ms");
    return sb.toString();
  }
}
