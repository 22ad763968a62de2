package dev.vidsim.tck.mutants;

import dev.vidsim.client.ApiException;
import dev.vidsim.client.BackoffRetryPolicy;
import dev.vidsim.client.Failure;
import dev.vidsim.client.store.JobStore;
import dev.vidsim.client.store.StoredGeneration;
import dev.vidsim.tck.ClientEnvironment;
import dev.vidsim.tck.ClientFactory;
import dev.vidsim.tck.ClientUnderTest;
import dev.vidsim.tck.Generation;
import dev.vidsim.tck.reference.ReferenceClientFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Takes {@code 409 idempotency_in_flight} as final: "the other request must have failed", so it
 * forgets the generation's key and starts the generation over under a fresh one. Whenever the
 * first create was only slow (a synchronous model still rendering), that is a second job and a
 * second charge, and the first job belongs to nothing the client knows. Everything else is the
 * reference client.
 */
final class RecreatesAfterInFlight extends ForwardingFactory {
  RecreatesAfterInFlight(ReferenceClientFactory reference) {
    super(reference.withBuilder(b -> b.retryPolicy(new GivesUpOnConflict()))
        .withJobStore(RecreatesAfterInFlight::store));
  }

  @Override
  public ClientUnderTest start(ClientEnvironment env) {
    ForgetfulStore store = store(env);
    ClientUnderTest client = reference.start(env);
    return new ForwardingClient(client) {
      @Override
      public String submit(Generation g) {
        try {
          return client.submit(g);
        } catch (ApiException e) {
          if (!"idempotency_in_flight".equals(e.code())) throw e;
          store.forget(g.id());
          return client.submit(g);
        }
      }
    };
  }

  /** The client's store, kept across restarts: one that can forget a generation. */
  private static ForgetfulStore store(ClientEnvironment env) {
    return (ForgetfulStore) env.durable().computeIfAbsent("jobStore",
        k -> new ForgetfulStore(JobStore.inMemory()));
  }

  /** The reference retry policy, except that a create still in flight is not waited out. */
  static final class GivesUpOnConflict extends BackoffRetryPolicy {
    GivesUpOnConflict() {
      super(ReferenceClientFactory.RETRY.base(), ReferenceClientFactory.RETRY.cap(),
          ReferenceClientFactory.RETRY.attemptsMax(), ReferenceClientFactory.RETRY.retryAfterMax());
    }

    @Override
    public boolean isRetryable(Failure f) {
      return !"idempotency_in_flight".equals(f.code()) && super.isRetryable(f);
    }
  }

  /** A job store that can drop a generation (until it is saved again). */
  static final class ForgetfulStore implements JobStore {
    private final JobStore store;
    private final Set<String> forgotten = ConcurrentHashMap.newKeySet();

    ForgetfulStore(JobStore store) {
      this.store = store;
    }

    void forget(String generationId) {
      forgotten.add(generationId);
    }

    @Override
    public void save(StoredGeneration g) {
      forgotten.remove(g.generationId());
      store.save(g);
    }

    @Override
    public Optional<StoredGeneration> find(String generationId) {
      return forgotten.contains(generationId) ? Optional.empty() : store.find(generationId);
    }

    @Override
    public boolean containsKey(String idempotencyKey) {
      return store.containsKey(idempotencyKey);
    }

    @Override
    public List<StoredGeneration> all() {
      return store.all().stream().filter(g -> !forgotten.contains(g.generationId())).toList();
    }
  }
}
