package dev.vidsim.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models on offer, in scenario order, and how that offer changes over simulated time:
 * models removed at an instant, or renamed (the old id disappears, the new one appears).
 */
public final class Catalog {
  private final Map<String, ModelSpec> models = new LinkedHashMap<>();
  private final Map<String, Instant> removedAt = new LinkedHashMap<>();
  private final Map<String, String> renamedTo = new LinkedHashMap<>();
  private final Map<String, Instant> addedAt = new LinkedHashMap<>();

  public Catalog(List<ModelSpec> specs) {
    this(specs, List.of(), Instant.MIN);
  }

  public Catalog(List<ModelSpec> specs, List<CatalogChange> changes, Instant start) {
    specs.forEach(m -> models.put(m.id(), m));
    changes.forEach(c -> remove(c.model(), start.plus(c.at()), c.renamedTo()));
  }

  /**
   * Takes a model off the catalog at {@code at}, optionally offering it as {@code newId} from
   * then on (a rename). Throws IllegalArgumentException saying why when it cannot.
   */
  public void remove(String id, Instant at, String newId) {
    ModelSpec old = models.get(id);
    if (old == null) throw new IllegalArgumentException("no model " + id + "; models: " + ids());
    if (removedAt.containsKey(id)) {
      throw new IllegalArgumentException("model " + id + " is already removed at "
          + removedAt.get(id));
    }
    if (newId != null && models.containsKey(newId)) {
      throw new IllegalArgumentException("model id " + newId + " is already taken");
    }
    removedAt.put(id, at);
    if (newId != null) {
      renamedTo.put(id, newId);
      models.put(newId, old.withId(newId));
      addedAt.put(newId, at);
    }
  }

  /** The model as the scenario declared it, whatever the time. */
  public Optional<ModelSpec> find(String id) {
    return Optional.ofNullable(models.get(id));
  }

  /** The model if it is on offer at {@code now}. */
  public Optional<ModelSpec> find(String id, Instant now) {
    return find(id).filter(m -> offered(id, now));
  }

  /** When a model leaves (or left) the catalog, or null if it stays. */
  public Instant removal(String id) {
    return removedAt.get(id);
  }

  /** The id a model is offered under after its removal, or null. */
  public String renamedTo(String id) {
    return renamedTo.get(id);
  }

  /** Why a known id is not on offer at {@code now} (removed or renamed), else null. */
  public String whyGone(String id, Instant now) {
    Instant removed = removedAt.get(id);
    if (removed != null && !now.isBefore(removed)) {
      String rename = renamedTo.get(id);
      return rename == null ? "model '" + id + "' was removed at " + removed
          : "model '" + id + "' was renamed to '" + rename + "' at " + removed + "; use '"
          + rename + "'";
    }
    return null;
  }

  private boolean offered(String id, Instant now) {
    Instant added = addedAt.get(id);
    Instant removed = removedAt.get(id);
    return (added == null || !now.isBefore(added)) && (removed == null || now.isBefore(removed));
  }

  /** What a tenant may use: its region served and its tier allowed. */
  public List<ModelSpec> visibleTo(String tier, String region) {
    return models.values().stream().filter(m -> !addedAt.containsKey(m.id()))
        .filter(m -> m.servesRegion(region) && m.allowsTier(tier)).toList();
  }

  /** What a tenant may use at {@code now}. */
  public List<ModelSpec> visibleTo(String tier, String region, Instant now) {
    List<ModelSpec> out = new ArrayList<>();
    for (ModelSpec m : models.values()) {
      if (offered(m.id(), now) && m.servesRegion(region) && m.allowsTier(tier)) out.add(m);
    }
    return out;
  }

  public List<ModelSpec> all() {
    return List.copyOf(models.values());
  }

  public List<String> ids() {
    return List.copyOf(models.keySet());
  }
}
