package dev.vidsim.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The one Jackson mapper of the client, and lenient field readers (unknown fields tolerated). */
public final class JsonSupport {
  /** Floats as BigDecimal: prices and rates are exact. */
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private JsonSupport() {}

  public static JsonNode parseOrEmpty(String text) {
    if (text == null || text.isBlank()) return MAPPER.createObjectNode();
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return MAPPER.createObjectNode();
    }
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static String text(JsonNode node, String field) {
    JsonNode n = node.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  public static Amount amount(JsonNode node, String field) {
    String t = text(node, field);
    return t == null ? Amount.ZERO : Amount.parse(t);
  }

  /** A number or numeric string as an exact decimal, or {@code fallback}. */
  public static BigDecimal decimal(JsonNode node, String field, BigDecimal fallback) {
    JsonNode n = node.get(field);
    if (n == null || n.isNull()) return fallback;
    return n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText());
  }

  public static List<String> strings(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    node.path(field).forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }
}
