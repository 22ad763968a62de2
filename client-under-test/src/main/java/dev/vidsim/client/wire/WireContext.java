package dev.vidsim.client.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.client.JsonSupport;
import dev.vidsim.client.store.JobStore;
import dev.vidsim.client.store.StoredGeneration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What every wire needs: the key, the integrator's price sheet, the client's job store, its
 * clock, its poll floor (the least time between two status reads of one job), and where a
 * status the wire read on its own (before a cancel) is told, so the client does not read it
 * again.
 */
record WireContext(String apiKey, JsonNode priceSheet, JobStore store,
                   dev.vidsim.client.ClientClock clock, java.time.Duration pollFloor,
                   java.util.function.Consumer<JsonNode> statusRead) {
  WireContext {
    priceSheet = priceSheet == null ? JsonSupport.MAPPER.createArrayNode() : priceSheet;
  }

  /** The generation saved under this idempotency key, if any. */
  Optional<StoredGeneration> generation(String key) {
    return store.all().stream().filter(g -> g.idempotencyKey().equals(key)).findFirst();
  }

  /** The model of the generation holding this job, or null (for APIs whose jobs omit it). */
  String modelOf(String jobId) {
    return store.all().stream().filter(g -> jobId.equals(g.jobId()))
        .map(StoredGeneration::model).findFirst().orElse(null);
  }

  /** The sheet's entry for a model, or a missing node. */
  JsonNode sheetModel(String model) {
    for (JsonNode m : priceSheet) {
      if (model != null && model.equals(JsonSupport.text(m, "id"))) return m;
    }
    return JsonSupport.MAPPER.missingNode();
  }

  /** Jobs some generation already holds: never adopted by another one. */
  Set<String> claimedJobs() {
    Set<String> out = new HashSet<>();
    store.all().forEach(g -> {
      if (g.jobId() != null) out.add(g.jobId());
    });
    return out;
  }
}
