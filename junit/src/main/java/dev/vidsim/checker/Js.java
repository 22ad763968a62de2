package dev.vidsim.checker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.vidsim.money.Money;
import java.time.Instant;

/** Null-tolerant reads of the simulator's JSON: a missing or null field is Java null. */
final class Js {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Js() {}

  static JsonNode parse(String text) {
    if (text == null || text.isBlank()) return MissingNode.getInstance();
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + "): "
          + abbreviate(text), e);
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode n = node == null ? null : node.get(field);
    return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
  }

  static Money money(JsonNode node, String field) {
    String s = text(node, field);
    return s == null ? null : Money.parse(s);
  }

  static Instant instant(JsonNode node, String field) {
    String s = text(node, field);
    return s == null ? null : instant(s);
  }

  /**
   * {@link Instant#parse}, with a fast path for the form the simulator writes
   * ({@code 2026-12-07T09:00:00.250Z}): the checker reads one per journal line, and the general
   * formatter was a third of the cost of reading a line. Anything else goes to Instant.parse.
   */
  static Instant instant(String s) {
    int n = s.length();
    if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z'
        || (n > 20 && (s.charAt(19) != '.' || n == 21))) {
      return Instant.parse(s);
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    int nanos = n > 20 ? digits(s, 20, n - 1) : 0;
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
      return Instant.parse(s);
    }
    for (int i = n - 1; i < 29; i++) nanos *= 10; // ".25" is 250,000,000 ns
    java.time.LocalDate date;
    try {
      date = java.time.LocalDate.of(year, month, day);
    } catch (java.time.DateTimeException invalid) {
      return Instant.parse(s); // throws as Instant.parse would
    }
    return Instant.ofEpochSecond(date.toEpochDay() * 86_400 + hour * 3600L + minute * 60L
        + second, nanos);
  }

  /** The decimal number in s[from, to), or -1 when a character is not a digit. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }

  static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
