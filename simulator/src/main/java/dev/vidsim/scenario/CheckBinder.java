package dev.vidsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.vidsim.faults.FaultParser;
import dev.vidsim.faults.FaultSpecException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Checks what the schema cannot about a script and its expectations: a job alias is defined
 * before it is used, fault steps are valid rules, and the clock is virtual.
 */
final class CheckBinder {
  private final LocatedTree tree;
  private final Problems problems;

  CheckBinder(LocatedTree tree, Problems problems) {
    this.tree = tree;
    this.problems = problems;
  }

  Check bind() {
    JsonNode r = tree.root();
    if (!r.has("script") && !r.has("expect")) return null;
    if (r.has("clock") && !"virtual".equals(r.get("clock").asText())) {
      problems.add(tree.error("/clock", "a scenario with a script replays on the virtual clock; "
          + "use clock: virtual (or leave it out)"));
    }
    Set<String> aliases = new HashSet<>();
    JsonNode script = r.path("script");
    for (int i = 0; i < script.size(); i++) {
      String at = "/script/" + i;
      JsonNode step = script.get(i);
      problems.attempt(() -> step(at, step, aliases));
    }
    JsonNode expect = r.path("expect");
    for (Iterator<String> it = expect.path("jobs").fieldNames(); it.hasNext(); ) {
      String alias = it.next();
      if (!aliases.contains(alias)) {
        problems.add(tree.error("/expect/jobs/" + LocatedTree.escape(alias),
            "no job named \"" + alias + "\": name one with as: in a create or list step"));
      }
    }
    new ExpectBinder(tree, problems, aliases).bind(expect);
    Set<String> keys = new HashSet<>();
    r.path("accounts").forEach(a -> keys.add(a.path("apiKey").asText()));
    for (String section : new String[] {"balances", "ledger", "jobCount"}) {
      for (Iterator<String> it = expect.path(section).fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!keys.contains(key)) {
          String at = "/expect/" + section + "/" + LocatedTree.escape(key);
          problems.add(new ScenarioException(tree.file(), tree.locateKey(at),
              LocatedTree.fieldName(at), "no account with apiKey \"" + key + "\"; accounts: "
              + keys.stream().sorted().toList()));
        }
      }
    }
    return new Check(script.isMissingNode() ? JsonNodeFactory.instance.arrayNode() : script,
        expect.isMissingNode() ? JsonNodeFactory.instance.objectNode() : expect, tree);
  }

  private void step(String at, JsonNode step, Set<String> aliases) {
    String verb = step.fieldNames().next();
    JsonNode body = step.get(verb);
    String where = at + "/" + verb;
    // named first: a later step may use the name even if this one has a problem of its own
    if (body.has("as")) aliases.add(body.get("as").asText());
    if (body.has("job") && !aliases.contains(body.get("job").asText())) {
      throw tree.error(where + "/job", "no job named \"" + body.get("job").asText()
          + "\" yet: name it with as: in an earlier create or list step");
    }
    if (verb.equals("fault")) {
      try {
        FaultParser.parse("check", body);
      } catch (FaultSpecException e) {
        throw tree.error(where + e.pointer(), e.getMessage());
      }
    }
    if (verb.equals("create") && body.has("webhook") && body.has("webhookUrl")) {
      throw tree.error(where + "/webhookUrl", "give webhook: true or a webhookUrl, not both");
    }
  }

}
