package dev.vidsim.scenario;

/**
 * What one scenario load may cost, so a hostile or broken file (a huge file, an alias bomb,
 * thousands of nested brackets, a number with a billion-digit exponent) is refused with a
 * located error in bounded time and memory. The largest shipped scenario is under 10 KiB; every
 * bound is far above what a real scenario needs. Counts of models, accounts, faults and script
 * steps are bounded by the schema ({@code maxItems}).
 */
public final class ScenarioLimits {
  /**
   * Bytes of one scenario file or admin upload, read no further: 256 KiB, 25 times the largest
   * shipped scenario, and parsed in about a second on a busy CI machine.
   */
  public static final int FILE_BYTES_MAX = 256 * 1024;
  /** Mappings and sequences nested inside each other (the schema needs fewer than 10). */
  public static final int DEPTH_MAX = 64;
  /** Decimal exponent of a number, either way: 1e400 is refused before anything expands it. */
  public static final int EXPONENT_MAX = 100;
  /** Characters of a value quoted back in an error message. */
  static final int QUOTED_CHARS_MAX = 80;

  private ScenarioLimits() {}

  /** A value as an error message quotes it: cut after {@link #QUOTED_CHARS_MAX} characters. */
  static String quoted(String text) {
    if (text.length() <= QUOTED_CHARS_MAX) return text;
    return text.substring(0, QUOTED_CHARS_MAX) + "... (" + text.length() + " characters)";
  }
}
