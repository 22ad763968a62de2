package dev.vidsim.clock;

import java.util.Locale;

/** How simulated time moves. */
public enum ClockMode {
  /** Moves only when told to (tests): a 10-minute timeout takes no real time. */
  VIRTUAL,
  /** Follows the wall clock. */
  REAL,
  /**
   * Wall clock times a factor (local development: ×60 makes a minute-long render take a second).
   */
  ACCELERATED;

  public static ClockMode parse(String text) {
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "expected clock mode virtual, real or accelerated, got \"" + text + "\"");
    }
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
