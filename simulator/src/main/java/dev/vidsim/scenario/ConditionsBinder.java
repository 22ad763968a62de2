package dev.vidsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.catalog.CatalogChange;
import dev.vidsim.clock.SimDuration;
import dev.vidsim.faults.FaultParser;
import dev.vidsim.faults.FaultSpecException;
import dev.vidsim.limits.LimitSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Binds limits (scenario-wide and per account) and fault rules, locating every problem. */
final class ConditionsBinder {
  private final LocatedTree tree;

  ConditionsBinder(LocatedTree tree) {
    this.tree = tree;
  }

  Conditions bind() {
    JsonNode r = tree.root();
    Map<String, LimitSpec> perAccount = new HashMap<>();
    JsonNode accounts = r.path("accounts");
    for (int i = 0; i < accounts.size(); i++) {
      if (accounts.get(i).has("limits")) {
        perAccount.put(accounts.get(i).get("apiKey").asText(),
            limits("/accounts/" + i + "/limits"));
      }
    }
    return new Conditions(limits("/limits"), perAccount, faults(), catalogChanges());
  }

  private List<CatalogChange> catalogChanges() {
    List<CatalogChange> out = new ArrayList<>();
    JsonNode models = tree.root().path("models");
    java.util.Set<String> ids = new java.util.HashSet<>();
    models.forEach(m -> ids.add(m.path("id").asText()));
    for (int i = 0; i < models.size(); i++) {
      JsonNode m = models.get(i);
      String at = "/models/" + i;
      if (m.has("renamedTo") && !m.has("removedAt")) {
        throw tree.error(at + "/renamedTo", "give removedAt too: the moment of the rename");
      }
      if (!m.has("removedAt")) continue;
      String rename = m.has("renamedTo") ? m.get("renamedTo").asText() : null;
      if (rename != null && !ids.add(rename)) {
        throw tree.error(at + "/renamedTo", "model id \"" + rename + "\" is already taken");
      }
      out.add(new CatalogChange(m.get("id").asText(),
          new ScenarioBinder(tree).parse(at + "/removedAt", SimDuration::parse, null), rename));
    }
    return out;
  }

  private LimitSpec limits(String at) {
    JsonNode l = tree.root().at(at);
    if (l.isMissingNode()) return LimitSpec.NONE;
    LimitSpec spec = new LimitSpec(integer(l, "requestsPerMinute"), integer(l, "burst"),
        integer(l, "concurrentJobs"), integer(l, "pollsPerJobPerMinute"));
    if (spec.burst() != null && spec.requestsPerMinute() == null) {
      throw tree.error(at + "/burst", "burst sizes the request bucket: give requestsPerMinute too");
    }
    return spec;
  }

  private static Integer integer(JsonNode o, String field) {
    return o.has(field) ? o.get(field).asInt() : null;
  }

  private List<JsonNode> faults() {
    List<JsonNode> out = new ArrayList<>();
    JsonNode list = tree.root().path("faults");
    for (int i = 0; i < list.size(); i++) {
      String at = "/faults/" + i;
      try {
        FaultParser.parse("flt_" + (i + 1), list.get(i));
      } catch (FaultSpecException e) {
        throw tree.error(at + e.pointer(), e.getMessage());
      }
      out.add(list.get(i));
    }
    return out;
  }
}
