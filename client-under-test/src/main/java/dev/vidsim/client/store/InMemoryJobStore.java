package dev.vidsim.client.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A store that lives as long as the process: survives retries, not restarts. Thread-safe. */
public final class InMemoryJobStore implements JobStore {
  private final Map<String, StoredGeneration> byId = new LinkedHashMap<>();
  private final Set<String> keys = new HashSet<>();

  @Override
  public synchronized void save(StoredGeneration g) {
    byId.put(g.generationId(), g);
    keys.add(g.idempotencyKey());
  }

  @Override
  public synchronized Optional<StoredGeneration> find(String generationId) {
    return Optional.ofNullable(byId.get(generationId));
  }

  @Override
  public synchronized boolean containsKey(String idempotencyKey) {
    return keys.contains(idempotencyKey);
  }

  @Override
  public synchronized List<StoredGeneration> all() {
    return List.copyOf(new ArrayList<>(byId.values()));
  }
}
