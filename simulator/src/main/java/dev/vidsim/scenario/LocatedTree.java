package dev.vidsim.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vidsim.errors.JsonSyntax;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed YAML/JSON document that remembers where every value came from, keyed by JSON pointer
 * ("/models/0/pricing/unit"), so schema and semantic errors can name a line and column.
 */
public final class LocatedTree {
  private final String file;
  private final JsonNode root;
  private final Map<String, Location> values;
  private final Map<String, Location> keys;

  private LocatedTree(String file, JsonNode root, Map<String, Location> values,
                      Map<String, Location> keys) {
    this.file = file;
    this.root = root;
    this.values = values;
    this.keys = keys;
  }

  public static LocatedTree parse(String file, String text) {
    boolean json = file.endsWith(".json");
    JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
    Map<String, Location> values = new HashMap<>();
    Map<String, Location> keys = new HashMap<>();
    try (JsonParser p = factory.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new ScenarioException(file, Location.UNKNOWN, "", "the file is empty");
      }
      JsonNode root = new Reader(file, p, values, keys).read("", 0);
      if (p.nextToken() != null) {
        throw new ScenarioException(file, location(p), "", json
            ? "there is more after the JSON object; a scenario file holds exactly one"
            : "a second YAML document ('---') follows: a scenario file holds exactly one");
      }
      return new LocatedTree(file, root, values, keys);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      Location loc = at == null ? Location.UNKNOWN
          : new Location(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
      // the parser's message may name its internals (StreamReadConstraints...): say it plainly
      String plain = JsonSyntax.known(e);
      throw new ScenarioException(file, loc, "", "not valid " + (json ? "JSON" : "YAML") + ": "
          + (plain != null ? plain : ParserMessages.plain(e.getOriginalMessage())));
    } catch (IOException e) {
      throw new ScenarioException(file, Location.UNKNOWN, "", "cannot read: " + e.getMessage());
    }
  }

  static Location location(JsonParser p) {
    JsonLocation l = p.currentTokenLocation();
    return new Location(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
  }

  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  public String file() { return file; }

  public JsonNode root() { return root; }

  /** Location of the value at a pointer, else of its nearest located ancestor. */
  public Location locate(String pointer) {
    String p = pointer;
    while (true) {
      Location l = values.get(p);
      if (l != null) return l;
      if (p.isEmpty()) return Location.UNKNOWN;
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /** Location of the key that names a field (for unknown-field errors), else of its value. */
  public Location locateKey(String pointer) {
    Location l = keys.get(pointer);
    return l != null ? l : locate(pointer);
  }

  /** "/models/0/pricing/unit" → "models[0].pricing.unit". */
  public static String fieldName(String pointer) {
    StringBuilder sb = new StringBuilder();
    for (String part : pointer.split("/")) {
      if (part.isEmpty()) continue;
      String name = part.replace("~1", "/").replace("~0", "~");
      if (name.matches("\\d+")) sb.append('[').append(name).append(']');
      else sb.append(sb.length() == 0 ? "" : ".").append(name);
    }
    return sb.toString();
  }

  public ScenarioException error(String pointer, String problem) {
    return new ScenarioException(file, locate(pointer), fieldName(pointer), problem);
  }
}
