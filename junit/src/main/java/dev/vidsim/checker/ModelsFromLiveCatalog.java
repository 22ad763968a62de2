package dev.vidsim.checker;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * models_from_live_catalog: the client creates only with a model its tenant's catalog
 * (GET /v1/models) listed, and after a create is answered "model not found" it does not use that
 * model again until a fresher catalog lists it. (A create resent under its first
 * Idempotency-Key must repeat its first body, so only the first create of a key is judged.)
 */
final class ModelsFromLiveCatalog extends ClientCheck {
  @Override
  public String name() {
    return "models_from_live_catalog";
  }

  @Override
  public void run(Evidence e, Sink sink) {
    Map<String, Set<String>> known = new HashMap<>();
    Map<String, Exchange> lastCatalog = new HashMap<>();
    Set<String> firstOfKey = new HashSet<>();
    for (Exchange x : e.exchanges()) {
      if (x.tenant() == null) continue;
      if (x.isModels() && x.succeeded()) {
        known.put(x.tenant(), new HashSet<>(x.listedModels()));
        lastCatalog.put(x.tenant(), x);
        continue;
      }
      if (!x.isCreate()) continue;
      // a resent create (same key) must carry the first body: judge only the first one
      if (x.idempotencyKey() != null && !firstOfKey.add(x.tenant() + " " + x.idempotencyKey())) {
        continue;
      }
      String model = x.model();
      Set<String> ids = known.get(x.tenant());
      if (ids == null) {
        sink.violation("tenant " + x.tenant(), "created with model '" + model + "' without "
            + "ever reading the catalog (" + x + ")", List.of(), List.of(x.request()));
      } else if (!ids.contains(model)) {
        Exchange c = lastCatalog.get(x.tenant());
        sink.violation("tenant " + x.tenant(), "created with model '" + model + "', which the "
            + "catalog read at " + c.at() + " does not list or the provider said was removed ("
            + x + ")", List.of(), List.of(c.request(), x.request()));
      }
      if ("model_not_found".equals(x.errorCode()) && ids != null) ids.remove(model);
    }
  }
}
