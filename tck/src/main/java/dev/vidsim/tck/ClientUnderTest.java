package dev.vidsim.tck;

import dev.vidsim.money.Money;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The TCK's view of one running instance of your client. Each method is one thing a user of
 * your integration does; throw any exception for "the client refused or gave up" (the harness
 * records it and goes on: refusing is allowed, breaking an invariant is not). Like a web app's
 * request threads, two threads may call {@link #submit} for the same generation at once (the
 * second while the provider still holds the first one's create): be thread-safe.
 */
public interface ClientUnderTest extends AutoCloseable {
  /**
   * Submits (or, for an id submitted before, resumes) a generation without waiting for it.
   *
   * @return the provider's job id
   */
  String submit(Generation generation);

  /** Waits for a submitted generation until it ends or the client's deadline passes. */
  Finished await(String generationId);

  /** Asks the provider once for the job's status. */
  void poll(String generationId);

  void cancel(String generationId);

  /**
   * A webhook delivery arrived at the client's endpoint.
   *
   * @return whether the client acted on it: false for duplicates, stale or forged deliveries,
   *     and true for an authentic one that is news (the rule {@code authentic_webhooks_acted_on}:
   *     a client that refuses good deliveries polls for what it was told)
   */
  boolean onWebhook(Map<String, List<String>> headers, String body);

  /** What the client knows about itself; called between actions and at the end. */
  Report report();

  @Override
  void close();

  /**
   * How a wait ended.
   *
   * @param stuck the deadline passed first (the client cancelled or flagged the job)
   */
  record Finished(String jobId, String status, boolean stuck) {}

  /**
   * The client's own account.
   *
   * @param generations  each generation id with its idempotency key and the jobs it ended with
   * @param flaggedJobs  jobs the client cancelled or reported at its deadline
   * @param believedSpent what the client believes it has been charged in total
   * @param believedJobCosts optional: what it believes each job cost, fees included (names the
   *                     jobs when the total is off)
   */
  record Report(List<GenerationRecord> generations, Set<String> flaggedJobs,
                Money believedSpent, Map<String, Money> believedJobCosts) {
    public Report {
      believedJobCosts = believedJobCosts == null ? Map.of() : Map.copyOf(believedJobCosts);
    }

    public Report(List<GenerationRecord> generations, Set<String> flaggedJobs,
                  Money believedSpent) {
      this(generations, flaggedJobs, believedSpent, Map.of());
    }
  }

  /**
   * One generation as the client remembers it.
   *
   * @param idempotencyKey  the key it creates this generation's job with
   * @param jobIds          the jobs it ended up with (one, for a careful client)
   * @param knownDuplicates jobs among {@code jobIds} the client knows were created under another
   *                        key (a duplicate it detected and reports); empty by default
   */
  record GenerationRecord(String id, String idempotencyKey, List<String> jobIds,
                          List<String> knownDuplicates) {
    public GenerationRecord {
      jobIds = List.copyOf(jobIds);
      knownDuplicates = knownDuplicates == null ? List.of() : List.copyOf(knownDuplicates);
    }

    public GenerationRecord(String id, String idempotencyKey, List<String> jobIds) {
      this(id, idempotencyKey, jobIds, List.of());
    }
  }
}
