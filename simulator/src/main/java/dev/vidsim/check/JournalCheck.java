package dev.vidsim.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;

/**
 * Journal expectations: how many journal lines of a kind ({@code webhook_retry}, or a prefix
 * {@code webhook_*}) carry the given field values (dotted paths, e.g. {@code error.code}),
 * exactly ({@code count}), at least ({@code atLeast}, default 1) or not at all ({@code none}).
 * A field named {@code job} may give a job's alias.
 */
final class JournalCheck {
  /** Distinct values a mismatch message lists for one field. */
  static final int VALUES_SHOWN_MAX = 5;
  private final List<JsonNode> journal;
  private final Map<String, String> aliases;

  JournalCheck(List<JsonNode> journal, Map<String, String> aliases) {
    this.journal = journal;
    this.aliases = aliases;
  }

  /**
   * @param lineOf the scenario line each expectation (by index) is written on
   * @return one problem per expectation that does not hold
   */
  List<String> compare(JsonNode expectations, IntUnaryOperator lineOf) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < expectations.size(); i++) {
      String p = check(expectations.get(i));
      if (p != null) problems.add("journal[" + i + "] (line " + lineOf.applyAsInt(i) + ") " + p);
    }
    return problems;
  }

  private String check(JsonNode e) {
    String kind = e.get("kind").asText();
    Map<String, String> match = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = e.path("match").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String value = f.getValue().asText();
      boolean jobField = f.getKey().equals("job") || f.getKey().endsWith(".job");
      match.put(f.getKey(), jobField ? aliases.getOrDefault(value, value) : value);
    }
    List<JsonNode> ofKind = journal.stream().filter(l -> kindMatches(kind, l)).toList();
    long got = ofKind.stream().filter(l -> fieldsMatch(match, l)).count();
    String what = kind + (match.isEmpty() ? "" : " with " + describe(e.path("match")));
    String expected;
    if (e.path("none").asBoolean(false)) {
      if (got == 0) return null;
      expected = "none";
    } else if (e.has("count")) {
      if (got == e.get("count").asLong()) return null;
      expected = e.get("count").asText();
    } else {
      long atLeast = e.path("atLeast").asLong(1);
      if (got >= atLeast) return null;
      expected = "at least " + atLeast;
    }
    return what + ": expected " + expected + " line(s), got " + got + hint(kind, ofKind, match);
  }

  /** What the lines of that kind did carry, so the mismatch says where to look. */
  private String hint(String kind, List<JsonNode> ofKind, Map<String, String> match) {
    if (ofKind.isEmpty()) {
      TreeSet<String> kinds = new TreeSet<>();
      journal.forEach(l -> kinds.add(l.path("kind").asText()));
      return "; no line of kind " + kind + " (kinds in the journal: " + kinds + ")";
    }
    StringBuilder sb = new StringBuilder();
    for (String path : match.keySet()) {
      Map<String, Integer> seen = new LinkedHashMap<>();
      ofKind.forEach(l -> seen.merge(valueAt(l, path), 1, Integer::sum));
      List<String> shown = new ArrayList<>();
      seen.entrySet().stream().limit(VALUES_SHOWN_MAX)
          .forEach(v -> shown.add(v.getKey() + " (x" + v.getValue() + ")"));
      if (seen.size() > VALUES_SHOWN_MAX) shown.add("…");
      sb.append("; ").append(kind).append(" lines have ").append(path).append(": ")
          .append(String.join(", ", shown));
    }
    return sb.toString();
  }

  private static boolean kindMatches(String kind, JsonNode line) {
    String k = line.path("kind").asText();
    return kind.endsWith("*") ? k.startsWith(kind.substring(0, kind.length() - 1))
        : k.equals(kind);
  }

  private static boolean fieldsMatch(Map<String, String> match, JsonNode line) {
    for (Map.Entry<String, String> m : match.entrySet()) {
      if (!m.getValue().equals(valueAt(line, m.getKey()))) return false;
    }
    return true;
  }

  /** The text at a dotted path ("error.code"), or "(absent)". */
  static String valueAt(JsonNode line, String path) {
    JsonNode n = line;
    for (String part : path.split("\\.")) {
      n = n.isArray() && part.matches("\\d+") ? n.path(Integer.parseInt(part)) : n.path(part);
    }
    return n.isMissingNode() || n.isNull() ? "(absent)"
        : n.isValueNode() ? n.asText() : n.toString();
  }

  private static String describe(JsonNode match) {
    List<String> parts = new ArrayList<>();
    match.fields().forEachRemaining(f -> parts.add(f.getKey() + "=" + f.getValue().asText()));
    return String.join(", ", parts);
  }
}
