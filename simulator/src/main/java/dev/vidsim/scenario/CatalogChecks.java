package dev.vidsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cross-references a schema can not check: every account's region is served and its tier
 * offered by some model, and fault rules name models and regions the scenario has. Each problem
 * is noted, located, and the checks go on.
 */
final class CatalogChecks {
  private final LocatedTree tree;
  private final Problems problems;
  private final Set<String> modelIds = new TreeSet<>();
  private final Set<String> regions = new TreeSet<>();
  private final Set<String> tiers = new TreeSet<>();
  /** Some model lists no tiers: it is offered to every tier. */
  private boolean everyTier;

  CatalogChecks(LocatedTree tree, Problems problems) {
    this.tree = tree;
    this.problems = problems;
    for (JsonNode m : tree.root().path("models")) {
      modelIds.add(m.path("id").asText());
      if (m.has("renamedTo")) modelIds.add(m.get("renamedTo").asText());
      m.path("regions").forEach(r -> regions.add(r.asText()));
      if (!m.has("tiers") || m.get("tiers").isEmpty()) everyTier = true;
      m.path("tiers").forEach(t -> tiers.add(t.asText()));
    }
  }

  void run() {
    JsonNode accounts = tree.root().path("accounts");
    for (int i = 0; i < accounts.size(); i++) {
      JsonNode a = accounts.get(i);
      String at = "/accounts/" + i;
      if (a.has("region") && !regions.contains(a.get("region").asText())) {
        problems.add(tree.error(at + "/region", "no model serves region \""
            + a.get("region").asText() + "\"; the models serve " + regions));
      }
      String tier = a.path("tier").asText("free");
      if (!everyTier && !tiers.contains(tier)) {
        problems.add(tree.error(at + (a.has("tier") ? "/tier" : ""), "no model is offered to "
            + "tier \"" + tier + "\"; the models' tiers: " + tiers
            + " (a model without tiers is offered to every tier)"));
      }
    }
    faults("/faults", tree.root().path("faults"));
    JsonNode script = tree.root().path("script");
    for (int i = 0; i < script.size(); i++) {
      if (script.get(i).has("fault")) {
        faults("/script/" + i + "/fault", List.of(script.get(i).get("fault")));
      }
    }
  }

  private void faults(String at, Iterable<JsonNode> rules) {
    int i = 0;
    for (JsonNode rule : rules) {
      String here = at.endsWith("/fault") ? at : at + "/" + i;
      i++;
      JsonNode when = rule.path("when");
      if (when.has("model") && !modelIds.contains(when.get("model").asText())) {
        problems.add(tree.error(here + "/when/model", "no model \"" + when.get("model").asText()
            + "\" in this scenario; its models: " + modelIds));
      }
      if (when.has("region") && !regions.contains(when.get("region").asText())) {
        problems.add(tree.error(here + "/when/region", "no model serves region \""
            + when.get("region").asText() + "\"; the models serve " + regions));
      }
    }
  }
}
