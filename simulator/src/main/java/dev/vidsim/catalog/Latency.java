package dev.vidsim.catalog;

import dev.vidsim.clock.SimDuration;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Queue wait and render time of a model, each drawn from a seeded distribution. */
public record Latency(Range queued, Range render) {
  public static final Latency DEFAULT =
      new Latency(Range.parse("1s..3s"), Range.parse("20s..40s"));

  /**
   * A latency distribution, written as a string in scenarios:
   * "2s" (fixed), "40s..90s" (uniform, millisecond resolution) or
   * "lognormal(60s, 0.5, 5m)" (median, sigma of the log, hard maximum): render times of real
   * providers are long-tailed, and the maximum keeps every draw bounded.
   */
  public sealed interface Range permits Uniform, LogNormal {
    String DURATION = "(\\d+(ms|s|m|h|d))+";
    String PATTERN = "^(" + DURATION + "(\\.\\." + DURATION + ")?"
        + "|lognormal\\(\\s*" + DURATION + "\\s*,\\s*\\d+(\\.\\d+)?\\s*,\\s*" + DURATION
            + "\\s*\\))$";

    Duration draw(SplittableRandom random);

    static Range parse(String text) {
      if (text == null || !text.matches(PATTERN)) {
        throw new IllegalArgumentException("expected a duration, a range or a lognormal such as"
            + " \"30s\", \"40s..90s\" or \"lognormal(60s, 0.5, 5m)\", got \"" + text + "\"");
      }
      if (text.startsWith("lognormal")) {
        return LogNormal.parse(text);
      }
      int dots = text.indexOf("..");
      if (dots < 0) {
        Duration d = SimDuration.parse(text);
        return new Uniform(d, d);
      }
      return new Uniform(SimDuration.parse(text.substring(0, dots)),
          SimDuration.parse(text.substring(dots + 2)));
    }
  }

  public record Uniform(Duration min, Duration max) implements Range {
    public Uniform {
      if (max.compareTo(min) < 0) {
        throw new IllegalArgumentException("range max " + SimDuration.format(max)
            + " is below its min " + SimDuration.format(min));
      }
    }

    @Override
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

  /** exp(ln(median) + sigma·Z), Z standard normal by Box–Muller, capped at {@code max}. */
  public record LogNormal(Duration median, double sigma, Duration max) implements Range {
    private static final Pattern PARTS = Pattern.compile(
        "lognormal\\(\\s*([^,\\s]+)\\s*,\\s*([^,\\s]+)\\s*,\\s*([^)\\s]+)\\s*\\)");

    public LogNormal {
      if (median.isZero()) throw new IllegalArgumentException("lognormal median must be positive");
      if (sigma <= 0 || sigma > 3) {
        throw new IllegalArgumentException("lognormal sigma must be in (0, 3], got " + sigma);
      }
      if (max.compareTo(median) < 0) {
        throw new IllegalArgumentException("lognormal max " + SimDuration.format(max)
            + " is below its median " + SimDuration.format(median));
      }
    }

    static LogNormal parse(String text) {
      Matcher m = PARTS.matcher(text);
      if (!m.matches()) throw new IllegalArgumentException("malformed lognormal: " + text);
      return new LogNormal(SimDuration.parse(m.group(1)), Double.parseDouble(m.group(2)),
          SimDuration.parse(m.group(3)));
    }

    @Override
    public Duration draw(SplittableRandom random) {
      double u1 = 1.0 - random.nextDouble(); // (0, 1]: log(u1) is finite
      double u2 = random.nextDouble();
      double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      long millis = Math.round(median.toMillis() * Math.exp(sigma * z));
      return Duration.ofMillis(Math.min(Math.max(millis, 1), max.toMillis()));
    }

    @Override
    public String toString() {
      return "lognormal(" + SimDuration.format(median) + ", " + sigma + ", "
          + SimDuration.format(max) + ")";
    }
  }
}
