package dev.vidsim.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.errors.JsonSyntax;
import dev.vidsim.errors.SimException;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reading request bodies strictly and writing JSON responses. */
public final class Json {
  /**
   * Request bodies are read strictly: a repeated key is an error (it would otherwise silently
   * pick one of two models), and decimals stay exact (1e400 is a number, not Infinity).
   */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();
  /** Largest number accepted where a request expects seconds or similar small quantities. */
  static final BigDecimal NUMBER_MAX = BigDecimal.valueOf(1_000_000);
  static final String BODY_ATTRIBUTE = "vidsim.responseBody";
  /** The answer's body as sent: the journal embeds it rather than writing the tree again. */
  static final String BODY_TEXT_ATTRIBUTE = "vidsim.responseText";
  /** A request body is exactly one JSON value: trailing text after it is an error too. */
  private static final ObjectReader BODY_READER = MAPPER.reader()
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** JSON text the simulator wrote itself (so it is well-formed), back as a tree. */
  public static JsonNode parse(String trusted) {
    try {
      return MAPPER.readTree(trusted);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the simulator wrote malformed JSON: " + trusted, e);
    }
  }

  public static void write(Context ctx, int status, JsonNode body) {
    write(ctx, status, body, "application/json");
  }

  /** A JSON body with another media type, e.g. {@code application/problem+json}. */
  public static void write(Context ctx, int status, JsonNode body, String contentType) {
    String text = body.toString();
    ctx.attribute(BODY_ATTRIBUTE, body);
    ctx.attribute(BODY_TEXT_ATTRIBUTE, text);
    ctx.status(status).contentType(contentType).result(text);
  }

  /**
   * Parses a JSON object body; an empty body is an empty object. Malformed JSON is a 400 that
   * says what is wrong and where (line, column), in plain words.
   */
  public static ObjectNode body(Context ctx, Set<String> allowedFields) {
    String text = ctx.body();
    if (text == null || text.isBlank()) {
      return object();
    }
    ObjectNode obj = parseObject(text);
    for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowedFields.contains(name)) {
        throw SimException.invalid(name, "unknown field; allowed: " + allowedFields.stream()
            .sorted().toList());
      }
    }
    return obj;
  }

  /** Parses one JSON object (nothing after it); anything else is a 400 naming the problem. */
  public static ObjectNode parseObject(String text) {
    JsonNode node;
    try {
      node = BODY_READER.readTree(text);
    } catch (JsonProcessingException e) {
      throw SimException.invalid("body", "malformed JSON" + JsonSyntax.where(e) + ": "
          + JsonSyntax.problem(e));
    }
    if (!(node instanceof ObjectNode obj)) {
      throw SimException.invalid("body", "expected a JSON object such as {\"model\": ...}, got "
          + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return obj;
  }

  public static String string(ObjectNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) return null;
    if (!n.isTextual()) throw SimException.invalid(field, "expected a string, got "
        + n.getNodeType());
    return n.asText();
  }

  /**
   * A whole number: a JSON integer (or a number with no fraction, such as 6.0, as JSON Schema's
   * "integer" allows), from 0 to {@link #NUMBER_MAX}. A string such as "6" or a fraction such as
   * 6.5 is a 400 naming the field: an API that takes whole numbers says so at once.
   */
  public static BigDecimal integer(ObjectNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) return null;
    BigDecimal value = n.isNumber() ? n.decimalValue() : null;
    if (value == null || value.signum() < 0 || value.compareTo(NUMBER_MAX) > 0
        || value.stripTrailingZeros().scale() > 0) {
      throw SimException.invalid(field, "expected an integer from 0 to " + NUMBER_MAX
          + " such as 8, got " + (n.isTextual() ? "the string " : "") + abbreviate(n.toString()));
    }
    return new BigDecimal(value.toBigIntegerExact());
  }

  public static int intParam(Context ctx, String name, int fallback) {
    return (int) Math.min(Integer.MAX_VALUE, longParam(ctx, name, fallback));
  }

  public static long longParam(Context ctx, String name, long fallback) {
    String v = ctx.queryParam(name);
    if (v == null) return fallback;
    if (!v.matches("\\d{1,18}")) {
      throw SimException.invalid(name, "expected a whole number, got '" + v + "'");
    }
    return Long.parseLong(v);
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  public static List<String> strings(ObjectNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) return List.of();
    if (!n.isArray()) throw SimException.invalid(field, "expected an array of strings");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      if (!n.get(i).isTextual()) throw SimException.invalid(field + "[" + i + "]",
          "expected a string");
      out.add(n.get(i).asText());
    }
    return out;
  }
}
