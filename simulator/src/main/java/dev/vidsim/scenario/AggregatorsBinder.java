package dev.vidsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.aggregator.Aggregator;
import dev.vidsim.aggregator.Pool;
import dev.vidsim.aggregator.Upstream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds {@code aggregators}: per serving dialect, a markup and pools of upstreams, each upstream
 * a model of this scenario's catalog. Every problem is located (file:line:column: field).
 */
final class AggregatorsBinder {
  private final LocatedTree tree;

  AggregatorsBinder(LocatedTree tree) {
    this.tree = tree;
  }

  List<Aggregator> bind() {
    Set<String> models = catalogIds();
    List<Aggregator> out = new ArrayList<>();
    tree.root().path("aggregators").fields().forEachRemaining(e -> {
      String at = "/aggregators/" + e.getKey();
      out.add(new Aggregator(e.getKey(), markup(at + "/markupPercent", e.getValue()),
          pools(at + "/models", e.getValue().path("models"), models)));
    });
    return out;
  }

  private BigDecimal markup(String at, JsonNode aggregator) {
    JsonNode n = aggregator.get("markupPercent");
    if (n == null) return BigDecimal.ZERO;
    if (!n.isTextual()) {
      throw tree.error(at, "quote the percentage as a decimal string, e.g. \"5.5\", got " + n);
    }
    if (!n.asText().matches("-?\\d{1,3}(\\.\\d{1,4})?")) {
      throw tree.error(at, "expected a percentage such as \"5.5\", got \"" + n.asText() + "\"");
    }
    BigDecimal percent = new BigDecimal(n.asText());
    if (percent.signum() < 0) {
      throw tree.error(at, "a markup must not be negative, got " + n.asText()
          + "; an aggregator adds its fee on top of the upstream's price");
    }
    return percent;
  }

  private List<Pool> pools(String at, JsonNode list, Set<String> models) {
    if (list.isEmpty()) throw tree.error(at, "declare at least one model with its upstreams");
    List<Pool> pools = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String id = list.get(i).path("id").asText();
      if (!ids.add(id)) throw tree.error(at + "/" + i + "/id", "duplicate model id \"" + id + "\"");
      String ups = at + "/" + i + "/upstreams";
      JsonNode array = list.get(i).path("upstreams");
      if (array.isEmpty()) {
        throw tree.error(ups, "empty pool: list the upstreams of " + id + " in preference order");
      }
      List<Upstream> upstreams = new ArrayList<>();
      for (int j = 0; j < array.size(); j++) {
        String model = array.get(j).path("model").asText();
        if (!models.contains(model)) {
          throw tree.error(ups + "/" + j + "/model", "unknown upstream model \"" + model
              + "\"; it must be a model of this scenario: " + models);
        }
        upstreams.add(new Upstream(array.get(j).path("provider").asText(), model));
      }
      pools.add(new Pool(id, upstreams));
    }
    return pools;
  }

  /** The catalog's ids, renamed ones included. */
  private Set<String> catalogIds() {
    Set<String> ids = new java.util.TreeSet<>();
    for (JsonNode m : tree.root().path("models")) {
      ids.add(m.path("id").asText());
      if (m.has("renamedTo")) ids.add(m.get("renamedTo").asText());
    }
    return ids;
  }
}
