package dev.vidsim.checker;

import com.fasterxml.jackson.databind.JsonNode;

/** Parses JSON text the way the checker does (for harness code outside this package). */
public final class JsonText {
  private JsonText() {}

  /** Blank text is a missing node; malformed text is an IllegalArgumentException. */
  public static JsonNode parse(String text) {
    return Js.parse(text);
  }
}
