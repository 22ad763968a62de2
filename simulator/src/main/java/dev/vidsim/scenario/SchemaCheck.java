package dev.vidsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.vidsim.logging.FallbackLogging;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Validates a scenario tree against the published JSON Schema and locates the first problem. */
final class SchemaCheck {
  static final String RESOURCE = "/dev/vidsim/scenario/scenario.schema.json";

  static {
    FallbackLogging.installIfNoProvider(); // the schema library is often the first to log
  }

  private static final JsonNode SCHEMA_TREE = readSchema();
  private static final JsonSchema SCHEMA = JsonSchemaFactory
      .getInstance(SpecVersion.VersionFlag.V202012)
      .getSchema(SCHEMA_TREE, SchemaValidatorsConfig.builder()
          .pathType(PathType.JSON_POINTER).formatAssertionsEnabled(false).build());

  /** Problems listed in one error, so a badly broken file does not flood the terminal. */
  static final int PROBLEMS_SHOWN_MAX = Problems.REPORTED_MAX;

  private SchemaCheck() {}

  static void validate(LocatedTree tree) {
    checkListSizes(tree);
    Set<ValidationMessage> errors = SCHEMA.validate(tree.root());
    if (errors.isEmpty()) {
      return;
    }
    List<Located> located = errors.stream().map(m -> locate(tree, m))
        .sorted(Comparator.comparing((Located l) -> l.unknownField() ? 0 : 1)
            .thenComparing(l -> l.location().line())
            .thenComparing(l -> l.location().column()).thenComparing(Located::problem))
        .toList();
    // the first problem leads; the others follow, each located, so one run shows them all
    throw ScenarioException.all(located.stream().map(l -> new ScenarioException(tree.file(),
        l.location(), l.field(), l.problem())).toList(), PROBLEMS_SHOWN_MAX);
  }

  /**
   * The top-level lists' maxItems, checked before the full validation, whose cost grows with
   * every item: 6,000 models took 10 s to be told that 1,000 is the most.
   */
  private static void checkListSizes(LocatedTree tree) {
    SCHEMA_TREE.path("properties").fields().forEachRemaining(field -> {
      JsonNode max = field.getValue().path("maxItems");
      JsonNode list = tree.root().path(field.getKey());
      if (max.isInt() && list.isArray() && list.size() > max.asInt()) {
        String pointer = "/" + field.getKey();
        throw new ScenarioException(tree.file(), tree.locate(pointer),
            LocatedTree.fieldName(pointer), "expected at most " + max.asInt() + " item(s) (a"
            + " limit of vidsim's loader), got " + list.size());
      }
    });
  }

  /** Unknown fields sort first: a misspelt key usually explains the "missing" one too. */
  private record Located(Location location, String field, String problem) {
    boolean unknownField() {
      return problem.startsWith("unknown field");
    }
  }

  private static Located locate(LocatedTree tree, ValidationMessage m) {
    String pointer = m.getInstanceLocation().toString();
    String type = m.getType();
    if ("additionalProperties".equals(type)) {
      String child = pointer + "/" + LocatedTree.escape(m.getProperty());
      return new Located(tree.locateKey(child), LocatedTree.fieldName(child),
          "unknown field; allowed here: " + allowedFields(m));
    }
    if ("required".equals(type)) {
      return new Located(tree.locate(pointer), LocatedTree.fieldName(pointer + "/"
          + m.getProperty()),
          "required field is missing");
    }
    return new Located(tree.locate(pointer), LocatedTree.fieldName(pointer),
        problem(m, tree.root().at(pointer)));
  }

  private static String problem(ValidationMessage m, JsonNode value) {
    String got = value.isMissingNode() ? "nothing" : ScenarioLimits.quoted(value.toString());
    if (m.getSchemaLocation().toString().contains("$defs/money")) {
      // the two slips everyone makes with money, said in their own words
      if (value.isNumber()) {
        return "amounts are strings: quote them, e.g. \"" + value.asText() + "\" (got "
            + got + ")";
      }
      if (value.isTextual() && value.asText().startsWith("-")) {
        return "must not be negative, got " + got;
      }
    }
    String expected = switch (m.getType()) {
      case "enum" -> "one of " + m.getSchemaNode();
      case "const" -> m.getSchemaNode().toString();
      case "type" -> "a value of type " + m.getSchemaNode().asText();
      case "pattern" -> describe(m);
      case "minimum", "exclusiveMinimum" -> "a number above " + m.getSchemaNode().asText()
          + ("minimum".equals(m.getType()) ? " or equal to it" : "");
      case "maximum" -> "a number no larger than " + m.getSchemaNode().asText();
      case "minItems" -> "at least " + m.getSchemaNode().asText() + " item(s)";
      case "maxItems" -> "at most " + m.getSchemaNode().asText() + " item(s) (a limit of"
          + " vidsim's loader)";
      case "uniqueItems" -> "no repeated items";
      case "minLength" -> "a non-empty string";
      default -> m.getMessage();
    };
    return "expected " + expected + ", got " + got;
  }

  /** Pattern errors quote the description of the schema definition they failed. */
  private static String describe(ValidationMessage m) {
    String loc = m.getSchemaLocation().toString();
    int defs = loc.indexOf("#/$defs/");
    if (defs >= 0) {
      String def = loc.substring(defs + 8).split("/")[0];
      JsonNode d = SCHEMA_TREE.path("$defs").path(def).path("description");
      if (d.isTextual()) return sentenceFragment(d.asText());
    }
    return "a value matching " + m.getSchemaNode().asText();
  }

  /** "Exact amount, e.g. \"0.50\"." reads as "exact amount, e.g. \"0.50\"" after "expected". */
  private static String sentenceFragment(String description) {
    String d = description.endsWith(".") ? description.substring(0, description.length() - 1)
        : description;
    return d.isEmpty() ? d : Character.toLowerCase(d.charAt(0)) + d.substring(1);
  }

  private static String allowedFields(ValidationMessage m) {
    String loc = m.getSchemaLocation().toString();
    String fragment = loc.substring(loc.indexOf('#') + 1);
    String parent = fragment.substring(0, fragment.lastIndexOf("/additionalProperties"));
    JsonNode properties = SCHEMA_TREE.at(parent + "/properties");
    List<String> names = properties.isObject() ? iterableNames(properties) : List.of();
    return String.join(", ", names);
  }

  private static List<String> iterableNames(JsonNode obj) {
    java.util.ArrayList<String> names = new java.util.ArrayList<>();
    obj.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode readSchema() {
    try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
