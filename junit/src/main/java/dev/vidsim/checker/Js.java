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
    return s == null ? null : Instant.parse(s);
  }

  static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
