package dev.vidsim.tck.mutants;

import dev.vidsim.tck.ClientEnvironment;
import dev.vidsim.tck.ClientFactory;
import dev.vidsim.tck.ClientUnderTest;
import dev.vidsim.tck.Generation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An integration that checks each wait's job against the job its submit returned, from a map
 * it keeps only in memory: after a restart the map is empty and the check dereferences null.
 * The wait itself has run (the reference client learnt the outcome and its cost), so no billing
 * rule breaks; only the crash shows, where the suite once noted a refusal and went on.
 */
final class CrashesAfterRestart extends ForwardingFactory {
  CrashesAfterRestart(ClientFactory reference) {
    super(reference);
  }

  @Override
  public ClientUnderTest start(ClientEnvironment env) {
    ClientUnderTest client = reference.start(env);
    Map<String, String> submitted = new ConcurrentHashMap<>();
    return new ForwardingClient(client) {
      @Override
      public String submit(Generation g) {
        String job = client.submit(g);
        if (job != null) submitted.put(g.id(), job);
        return job;
      }

      @Override
      public Finished await(String id) {
        Finished f = client.await(id);
        if (f != null && !submitted.get(id).equals(f.jobId())) {
          throw new IllegalStateException("generation " + id + " ended as another job");
        }
        return f;
      }
    };
  }
}
