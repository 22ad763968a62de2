package dev.vidsim.client.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A store that lives as long as the process: survives retries, not restarts. Bounded: past
 * {@code generationsMax} it forgets the oldest generation whose job is known (a generation still
 * waiting for its create answer is never forgotten). Thread-safe.
 */
public final class InMemoryJobStore implements JobStore {
  public static final int GENERATIONS_MAX_DEFAULT = 100_000;
  private final int generationsMax;
  private final Map<String, StoredGeneration> byId = new LinkedHashMap<>();
  private final Set<String> keys = new HashSet<>();

  public InMemoryJobStore() {
    this(GENERATIONS_MAX_DEFAULT);
  }

  public InMemoryJobStore(int generationsMax) {
    if (generationsMax < 1) throw new IllegalArgumentException("generationsMax must be >= 1");
    this.generationsMax = generationsMax;
  }

  @Override
  public synchronized void save(StoredGeneration g) {
    byId.put(g.generationId(), g);
    keys.add(g.idempotencyKey());
    if (byId.size() > generationsMax) forgetOldestWithJob();
  }

  private void forgetOldestWithJob() {
    for (Iterator<StoredGeneration> it = byId.values().iterator(); it.hasNext(); ) {
      StoredGeneration old = it.next();
      if (old.hasJob()) {
        it.remove();
        keys.remove(old.idempotencyKey());
        return;
      }
    }
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
