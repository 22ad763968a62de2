package dev.vidsim.catalog;

import dev.vidsim.clock.SimDuration;
import java.time.Duration;
import java.util.SplittableRandom;

/** Queue wait and render time of a model, each a uniform range drawn from a seeded stream. */
public record Latency(Range queued, Range render) {
  public static final Latency DEFAULT =
      new Latency(Range.parse("1s..3s"), Range.parse("20s..40s"));

  /** "2s" (fixed) or "40s..90s" (uniform, millisecond resolution). */
  public record Range(Duration min, Duration max) {
    public static final String PATTERN = "^(\\d+(ms|s|m|h|d))+(\\.\\.(\\d+(ms|s|m|h|d))+)?$";

    public Range {
      if (max.compareTo(min) < 0) {
        throw new IllegalArgumentException("range max " + SimDuration.format(max)
            + " is below its min " + SimDuration.format(min));
      }
    }

    public static Range parse(String text) {
      if (text == null || !text.matches(PATTERN)) {
        throw new IllegalArgumentException(
            "expected a duration or range such as \"30s\" or \"40s..90s\", got \"" + text + "\"");
      }
      int dots = text.indexOf("..");
      if (dots < 0) {
        Duration d = SimDuration.parse(text);
        return new Range(d, d);
      }
      return new Range(SimDuration.parse(text.substring(0, dots)),
          SimDuration.parse(text.substring(dots + 2)));
    }

    public Duration draw(SplittableRandom random) {
      long span = max.toMillis() - min.toMillis();
      return span == 0 ? min : min.plusMillis(random.nextLong(span + 1));
    }

    @Override
    public String toString() {
      return min.equals(max) ? SimDuration.format(min)
          : SimDuration.format(min) + ".." + SimDuration.format(max);
    }
  }
}
