package dev.vidsim.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Builds the located tree from the parser's tokens, refusing what would make a load unbounded:
 * aliases (an alias bomb), nesting past {@link ScenarioLimits#DEPTH_MAX}, numbers that are not
 * finite or whose exponent is past {@link ScenarioLimits#EXPONENT_MAX} (1e999999999 would take
 * minutes and gigabytes to turn into an integer), and duplicate keys.
 */
final class Reader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final String file;
  private final JsonParser p;
  private final Map<String, Location> values;
  private final Map<String, Location> keys;

  Reader(String file, JsonParser p, Map<String, Location> values, Map<String, Location> keys) {
    this.file = file;
    this.p = p;
    this.values = values;
    this.keys = keys;
  }

  JsonNode read(String pointer, int depth) throws IOException {
    values.put(pointer, LocatedTree.location(p));
    if (p instanceof YAMLParser y && y.isCurrentAlias()) {
      throw error(pointer, "YAML aliases (*" + ScenarioLimits.quoted(p.getText())
          + ") are not supported: write the value out in full");
    }
    JsonToken t = p.currentToken();
    if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)
        && depth >= ScenarioLimits.DEPTH_MAX) {
      throw error(pointer, "nested deeper than " + ScenarioLimits.DEPTH_MAX
          + " mappings and lists; a scenario needs fewer than 10");
    }
    switch (t) {
      case START_OBJECT: return object(pointer, depth);
      case START_ARRAY: {
        ArrayNode arr = NODES.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          arr.add(read(pointer + "/" + i++, depth + 1));
        }
        return arr;
      }
      case VALUE_STRING: return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT: return NODES.numberNode(p.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT: return NODES.numberNode(decimal(pointer));
      case VALUE_TRUE: return NODES.booleanNode(true);
      case VALUE_FALSE: return NODES.booleanNode(false);
      case VALUE_NULL: return NODES.nullNode();
      default: throw error(pointer, "a value of a kind scenarios do not use");
    }
  }

  private ObjectNode object(String pointer, int depth) throws IOException {
    ObjectNode obj = NODES.objectNode();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      String child = pointer + "/" + LocatedTree.escape(name);
      if (obj.has(name)) {
        throw new ScenarioException(file, LocatedTree.location(p), LocatedTree.fieldName(child),
            "duplicate key");
      }
      keys.put(child, LocatedTree.location(p));
      p.nextToken();
      obj.set(name, read(child, depth + 1));
    }
    return obj;
  }

  /** YAML's .inf and .nan have no exact value; huge exponents are refused before use. */
  private BigDecimal decimal(String pointer) throws IOException {
    String text = p.getText();
    BigDecimal d;
    try {
      d = p.getDecimalValue();
    } catch (NumberFormatException e) {
      throw error(pointer, "expected a finite number, got " + ScenarioLimits.quoted(text));
    }
    long exponent = (long) d.precision() - d.scale() - 1;
    if (d.signum() != 0 && Math.abs(exponent) > ScenarioLimits.EXPONENT_MAX) {
      throw error(pointer, "the number " + ScenarioLimits.quoted(text) + " is out of range"
          + " (its exponent is past " + ScenarioLimits.EXPONENT_MAX + ")");
    }
    return d;
  }

  private ScenarioException error(String pointer, String problem) {
    return new ScenarioException(file, LocatedTree.location(p), LocatedTree.fieldName(pointer),
        problem);
  }
}
