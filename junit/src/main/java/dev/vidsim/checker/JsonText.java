package dev.vidsim.checker;

import com.fasterxml.jackson.databind.JsonNode;

/** Parses JSON text the way the checker does (for harness code outside this package). */
public final class JsonText {
  private JsonText() {}

  /** A JSON string literal (also a valid YAML scalar): quotes and escapes as needed. */
  public static String quote(String text) {
    return Js.MAPPER.getNodeFactory().textNode(text).toString();
  }

  /** Blank text is a missing node; malformed text is an IllegalArgumentException. */
  public static JsonNode parse(String text) {
    return Js.parse(text);
  }
}
