package dev.vidsim.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The models on offer, in scenario order. */
public final class Catalog {
  private final Map<String, ModelSpec> models = new LinkedHashMap<>();

  public Catalog(List<ModelSpec> specs) {
    specs.forEach(m -> models.put(m.id(), m));
  }

  public Optional<ModelSpec> find(String id) {
    return Optional.ofNullable(models.get(id));
  }

  /** What a tenant may use: its region served and its tier allowed. */
  public List<ModelSpec> visibleTo(String tier, String region) {
    return models.values().stream()
        .filter(m -> m.servesRegion(region) && m.allowsTier(tier)).toList();
  }

  public List<ModelSpec> all() {
    return List.copyOf(models.values());
  }

  public List<String> ids() {
    return List.copyOf(models.keySet());
  }
}
