package dev.vidsim.checker;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The Retry-After a response asked for: from its journaled headers, or from the error details
 * ({@code retryAfter}, {@code retryAfterSeconds}). Seconds or an HTTP-date, read relative to the
 * response's simulated time.
 */
final class RetryAfter {
  private RetryAfter() {}

  /** Null when the response asked for nothing. */
  /** Read once per exchange (several checks ask, after every action). */
  static Duration of(Exchange x) {
    return x.retryAfter();
  }

  static Duration read(Exchange x) {
    if (x.response() == null) return null;
    JsonNode f = x.response().fields();
    String v = header(f.path("headers"));
    JsonNode details = f.path("body").path("error").path("details");
    if (v == null) v = Js.text(details, "retryAfterSeconds");
    if (v == null) v = Js.text(details, "retryAfter");
    if (v == null) v = Js.text(f.path("body").path("error"), "retryAfter");
    return v == null ? null : parse(v.trim(), x.response().at());
  }

  private static String header(JsonNode headers) {
    var it = headers.fields();
    while (it.hasNext()) {
      var h = it.next();
      if (h.getKey().equalsIgnoreCase("Retry-After")) return h.getValue().asText();
    }
    return null;
  }

  private static final java.util.regex.Pattern SECONDS =
      java.util.regex.Pattern.compile("\\d{1,9}");
  private static final java.util.regex.Pattern FRACTION =
      java.util.regex.Pattern.compile("\\d{1,9}\\.\\d+");

  static Duration parse(String value, Instant now) {
    if (SECONDS.matcher(value).matches()) return Duration.ofSeconds(Long.parseLong(value));
    if (FRACTION.matcher(value).matches()) {
      return Duration.ofMillis(new java.math.BigDecimal(value).movePointRight(3).longValue());
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
