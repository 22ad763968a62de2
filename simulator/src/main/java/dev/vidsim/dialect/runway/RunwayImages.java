package dev.vidsim.dialect.runway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code promptImage}: one URI, or an array of {@code {uri, position}} (one image per
 * position). A URI is an HTTPS URL on a domain, a {@code runway://} upload URI, or a base64
 * {@code data:image/...} URI under 5 MB, as Runway's input rules say.
 */
final class RunwayImages {
  static final int URL_CHARS_MAX = 2048;
  static final int DATA_URI_CHARS_MAX = 5 * 1024 * 1024;

  private RunwayImages() {}

  static List<String> parse(ObjectNode in, RunwayModels.Rules rules) {
    JsonNode n = in.get("promptImage");
    if (n == null || n.isNull()) {
      throw RunwayInput.issue("promptImage", "invalid_type", "Invalid input: expected string"
          + " or array, received undefined");
    }
    if (n.isTextual()) return List.of(uri("promptImage", n.asText()));
    if (!n.isArray() || n.isEmpty()) {
      throw RunwayInput.issue("promptImage", "invalid_type", "Invalid input: expected a URI"
          + " string or a non-empty array of {uri, position}");
    }
    Set<String> positions = rules == null ? Set.of("first", "last") : rules.positions();
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      JsonNode item = n.get(i);
      String at = "promptImage." + i;
      if (!item.isObject()) {
        throw RunwayInput.issue(at, "invalid_type", "Expected an object {uri, position}");
      }
      JsonNode position = item.get("position");
      if (position == null || !positions.contains(position.asText())) {
        throw RunwayInput.issue(at + ".position", "invalid_value", "Invalid option: expected"
            + " one of " + positions.stream().sorted().map(p -> "\"" + p + "\"").toList());
      }
      if (!seen.add(position.asText())) {
        throw RunwayInput.issue(at + ".position", "custom", "Only one image per position ("
            + position.asText() + ")");
      }
      JsonNode uri = item.get("uri");
      if (uri == null || !uri.isTextual()) {
        throw RunwayInput.issue(at + ".uri", "invalid_type", "Invalid input: expected string");
      }
      out.add(uri(at + ".uri", uri.asText()));
    }
    return out;
  }

  private static String uri(String field, String value) {
    if (value.startsWith("data:")) {
      if (!value.matches("(?s)data:image/(png|jpeg|jpg|webp|gif);base64,.+")) {
        throw RunwayInput.issue(field, "custom", "Invalid data URI: expected"
            + " data:image/<png|jpeg|webp|gif>;base64,...");
      }
      if (value.length() > DATA_URI_CHARS_MAX) {
        throw RunwayInput.issue(field, "too_big", "The data URI must be under 5MB");
      }
      return value;
    }
    if (value.startsWith("runway://")) return value;
    if (value.length() > URL_CHARS_MAX) {
      throw RunwayInput.issue(field, "too_big", "URLs may be at most " + URL_CHARS_MAX
          + " characters");
    }
    java.net.URI u;
    try {
      u = java.net.URI.create(value);
    } catch (IllegalArgumentException e) {
      throw RunwayInput.issue(field, "custom", "Invalid URL");
    }
    if (!"https".equals(u.getScheme()) || u.getHost() == null) {
      throw RunwayInput.issue(field, "custom", "Only HTTPS URLs are allowed (or a runway://"
          + " upload URI or a data URI)");
    }
    if (u.getHost().matches("[0-9.]+|\\[.*\\]")) {
      throw RunwayInput.issue(field, "custom", "URLs must be hosted on a domain, not an IP"
          + " address");
    }
    return value;
  }
}
