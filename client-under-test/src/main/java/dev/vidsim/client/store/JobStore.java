package dev.vidsim.client.store;

import java.util.List;
import java.util.Optional;

/**
 * Durable memory of generations. {@code save} must be durable when it returns: the client saves
 * the key before sending a create, so a crash right after sending still finds the key.
 */
public interface JobStore {
  /** Saves the latest state of a generation (the last save per generation id wins). */
  void save(StoredGeneration generation);

  Optional<StoredGeneration> find(String generationId);

  /** Whether any generation already uses this idempotency key (keys must never repeat). */
  boolean containsKey(String idempotencyKey);

  List<StoredGeneration> all();

  static JobStore inMemory() {
    return new InMemoryJobStore();
  }
}
