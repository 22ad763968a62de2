package dev.vidsim.clock;

import java.time.Instant;

/**
 * An instant as ISO-8601 text, exactly as {@link Instant#toString()} writes it, without the JDK's
 * formatter machinery: every journal line and job view carries times, and under load that
 * formatting was a seventh of the simulator's CPU (a create's profile, bench/profile.sh).
 */
public final class InstantText {
  /** 10000-01-01T00:00:00Z: later (and pre-1970) instants go to the JDK. */
  private static final long FAST_SECONDS_END = 253_402_300_800L;

  private InstantText() {}

  public static String of(Instant at) {
    long seconds = at.getEpochSecond();
    if (seconds < 0 || seconds >= FAST_SECONDS_END) return at.toString();
    int nano = at.getNano();
    char[] out = new char[30];
    long days = seconds / 86_400;
    int secondOfDay = (int) (seconds % 86_400);
    // civil date from days since 1970-01-01 (H. Hinnant's algorithm, proleptic Gregorian)
    long z = days + 719_468;
    long era = z / 146_097;
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
    digits(out, 0, year, 4);
    out[4] = '-';
    digits(out, 5, month, 2);
    out[7] = '-';
    digits(out, 8, day, 2);
    out[10] = 'T';
    digits(out, 11, secondOfDay / 3_600, 2);
    out[13] = ':';
    digits(out, 14, secondOfDay / 60 % 60, 2);
    out[16] = ':';
    digits(out, 17, secondOfDay % 60, 2);
    int end = 19;
    if (nano != 0) { // as many digits as needed, in groups of three, like ISO_INSTANT
      out[end++] = '.';
      if (nano % 1_000_000 == 0) end = digits(out, end, nano / 1_000_000, 3);
      else if (nano % 1_000 == 0) end = digits(out, end, nano / 1_000, 6);
      else end = digits(out, end, nano, 9);
    }
    out[end++] = 'Z';
    return new String(out, 0, end);
  }

  /** Writes {@code value} as exactly {@code width} decimal digits; returns the index after. */
  private static int digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return at + width;
  }
}
