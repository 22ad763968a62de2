package dev.vidsim.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with malformed JSON (a request body, a scenario file), in plain words and
 * located. The parser's own message names its classes and features ({@code StreamReadFeature…},
 * {@code Source: REDACTED}), so it is read for facts and never passed on.
 */
public final class JsonSyntax {
  private static final Pattern CHARACTER = Pattern.compile("code (\\d+)\\)");
  private static final Pattern QUOTED = Pattern.compile("'([^']{0,40})'");
  private static final Pattern LIMIT = Pattern.compile("maximum allowed \\((\\d+)");
  private static final String UNKNOWN = "it is not valid JSON";
  private static final String VALUES = "a string in double quotes, a number, an object, an array,"
      + " true, false or null";

  /** What the parser expected, as it says it, and as vidsim says it. */
  private record Expectation(String parser, String plain) {}

  private static final List<Expectation> EXPECTED = List.of(
      new Expectation("double-quote to start field name", "a field name in double quotes"),
      new Expectation("colon to separate field name", "a colon after the field name"),
      new Expectation("comma to separate Object", "a comma between fields or '}'"),
      new Expectation("comma to separate Array", "a comma between values or ']'"),
      new Expectation("valid value", VALUES),
      new Expectation("numeric value", "a digit (a number such as 8 or 0.5)"),
      new Expectation("hex-digit", "four hex digits after \\u"),
      new Expectation("comment", "no comment: JSON has none"));

  private JsonSyntax() {}

  /** " at line L, column C", or "" when the parser gave no location. */
  public static String where(JsonProcessingException e) {
    var at = e.getLocation();
    return at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column "
        + at.getColumnNr();
  }

  /** The problem in plain words, or null when the message is not one this class knows. */
  public static String known(JsonProcessingException e) {
    String plain = problem(e);
    return plain.equals(UNKNOWN) ? null : plain;
  }

  /** The problem in plain words ("it is not valid JSON" when nothing more can be said). */
  public static String problem(JsonProcessingException e) {
    return plain(e, e.getOriginalMessage() == null ? "" : e.getOriginalMessage());
  }

  private static String plain(JsonProcessingException e, String m) {
    if (e instanceof JsonEOFException || m.startsWith("Unexpected end-of-input")) {
      return m.contains("string value") ? "the JSON ends inside a string (no closing quote)"
          : "the JSON ends before every object and array is closed";
    }
    if (e instanceof StreamConstraintsException) return limit(m);
    if (e instanceof MismatchedInputException && m.startsWith("Trailing token")) {
      return "there is more after the JSON object; send exactly one object";
    }
    if (m.startsWith("Duplicate field")) {
      return "the field " + quoted(m) + " appears twice; send each field once";
    }
    if (m.startsWith("Unrecognized token")) {
      return "unrecognized word " + quoted(m) + " where a value was expected (" + VALUES + ")";
    }
    if (m.startsWith("Unexpected close marker")) {
      return character(m) + " closes a bracket that is not open here";
    }
    if (m.startsWith("Illegal unquoted character")) {
      return character(m) + " inside a string must be escaped (e.g. \\n)";
    }
    if (m.startsWith("Illegal character")) return character(m) + " between values";
    if (m.startsWith("Unrecognized character escape")) {
      return "unknown escape " + quoted(m) + " in a string; valid: \\\" \\\\ \\/ \\b \\f \\n \\r"
          + " \\t \\uXXXX";
    }
    if (m.startsWith("Invalid numeric value")) return "a malformed number (e.g. a leading zero)";
    if (m.startsWith("Non-standard token")) return quoted(m) + " is not a JSON value";
    if (m.startsWith("Unexpected character")) return unexpected(m);
    return UNKNOWN;
  }

  private static String unexpected(String m) {
    for (Expectation x : EXPECTED) {
      if (m.contains(x.parser())) return "unexpected " + character(m) + "; expected " + x.plain();
    }
    return "unexpected " + character(m);
  }

  private static String limit(String m) {
    Matcher max = LIMIT.matcher(m);
    String n = max.find() ? max.group(1) : "the limit";
    if (m.contains("nesting depth")) return "objects and arrays are nested deeper than " + n;
    if (m.contains("Number value length")) return "a number is longer than " + n + " digits";
    if (m.contains("String value length")) return "a string is longer than " + n + " characters";
    return "the document exceeds a size limit (" + n + ")";
  }

  /** The character a message names by its code, printable or as U+XXXX. */
  private static String character(String m) {
    Matcher code = CHARACTER.matcher(m);
    if (code.find()) {
      int c = Integer.parseInt(code.group(1));
      return c > 0x20 && c < 0x7f ? "character '" + (char) c + "'"
          : String.format("character U+%04X", c);
    }
    Matcher q = QUOTED.matcher(m);
    return q.find() ? "character '" + q.group(1) + "'" : "a character";
  }

  private static String quoted(String m) {
    Matcher q = QUOTED.matcher(m);
    return q.find() ? "'" + q.group(1) + "'" : "a token";
  }
}
