package dev.vidsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what the schema cannot about an {@code expect} block: one ledger form per key (every
 * line, or a count and a sum per type), one count per journal expectation, and job aliases that
 * some step defines. Each problem is noted, located.
 */
final class ExpectBinder {
  /** The compact ledger form, "poll_fee x360 = 0.72". */
  static final Pattern COMPACT = Pattern.compile("^([a-z_]+) x\\d+ = .*$");
  private final LocatedTree tree;
  private final Problems problems;
  private final Set<String> aliases;

  ExpectBinder(LocatedTree tree, Problems problems, Set<String> aliases) {
    this.tree = tree;
    this.problems = problems;
    this.aliases = aliases;
  }

  void bind(JsonNode expect) {
    for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("ledger").fields();
         it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      ledger("/expect/ledger/" + LocatedTree.escape(e.getKey()), e.getValue());
    }
    JsonNode journal = expect.path("journal");
    for (int i = 0; i < journal.size(); i++) {
      journal("/expect/journal/" + i, journal.get(i));
    }
    JsonNode abandoned = expect.path("webhooksAbandoned");
    for (int i = 0; i < abandoned.size(); i++) {
      alias("/expect/webhooksAbandoned/" + i, abandoned.get(i).asText());
    }
  }

  private void ledger(String at, JsonNode lines) {
    boolean compact = lines.size() > 0 && COMPACT.matcher(lines.get(0).asText()).matches();
    Set<String> types = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      var m = COMPACT.matcher(lines.get(i).asText());
      if (m.matches() != compact) {
        problems.add(tree.error(at + "/" + i, "write every ledger line (\"charge 0.50 a\") or "
            + "a count and a sum per type (\"charge x2 = 1.00\"), not both in one list"));
      } else if (compact && !types.add(m.group(1))) {
        problems.add(tree.error(at + "/" + i, "line type " + m.group(1) + " is already counted"
            + " above: one line per type"));
      }
    }
  }

  private void journal(String at, JsonNode e) {
    int counts = (e.has("count") ? 1 : 0) + (e.has("atLeast") ? 1 : 0) + (e.has("none") ? 1 : 0);
    if (counts > 1) {
      problems.add(tree.error(at, "give one of count, atLeast or none"));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = e.path("match").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String path = f.getKey();
      if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
        problems.add(tree.error(at + "/match/" + LocatedTree.escape(path), "expected a field"
            + " name or a dotted path such as error.code"));
      } else if (path.equals("job") || path.endsWith(".job")) {
        alias(at + "/match/" + LocatedTree.escape(path), f.getValue().asText());
      }
    }
  }

  private void alias(String at, String alias) {
    if (!aliases.contains(alias)) {
      problems.add(tree.error(at, "no job named \"" + alias + "\": name one with as: in a "
          + "create or list step"));
    }
  }
}
