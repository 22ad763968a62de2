package dev.vidsim.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parses {@code Retry-After}: seconds ("7") or an HTTP-date ("Wed, 25 Nov 2026 10:00:00 GMT"). */
public final class RetryAfter {
  private RetryAfter() {}

  /** The wait the provider asked for, or null when absent or unreadable; never negative. */
  public static Duration parse(String header, Instant now) {
    if (header == null || header.isBlank()) return null;
    String v = header.trim();
    if (v.matches("\\d{1,9}")) return Duration.ofSeconds(Long.parseLong(v));
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
