package dev.vidsim.checker;

import dev.vidsim.money.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the client under test says it did, for the checks the provider's journal cannot see:
 * which job each logical generation ended up with, which webhook deliveries it acted on, which
 * jobs it flagged as stuck, and what it believes it spent. A TCK adapter or the property suite
 * fills it; every method is thread-safe.
 */
public final class ClientLog {
  private final Map<String, Generation> generations = new LinkedHashMap<>();
  private final List<WebhookHandling> webhooks = new ArrayList<>();
  private final Set<String> flaggedJobs = new LinkedHashSet<>();
  private final Map<String, Money> believedSpent = new LinkedHashMap<>();
  private final Map<String, Money> believedJobCosts = new LinkedHashMap<>();
  private final List<java.time.Instant> restarts = new ArrayList<>();
  private final List<Long> callStarts = new ArrayList<>();
  private final Map<Long, Long> requestCalls = new LinkedHashMap<>();
  private final List<Await> awaits = new ArrayList<>();
  private boolean settled = true;

  /**
   * One logical generation (one user intent) and the provider jobs the client associates with it.
   *
   * @param id a name the harness gives the intent, e.g. "gen-3"
   */
  public record Generation(String id, String tenant, String idempotencyKey, List<String> jobIds,
                           List<String> knownDuplicates) {
    public Generation {
      jobIds = List.copyOf(jobIds);
      knownDuplicates = knownDuplicates == null ? List.of() : List.copyOf(knownDuplicates);
    }

    public Generation(String id, String tenant, String idempotencyKey, List<String> jobIds) {
      this(id, tenant, idempotencyKey, jobIds, List.of());
    }
  }

  /**
   * One webhook delivery the client received.
   *
   * @param authentic  whether the harness sent it correctly signed and fresh
   * @param processed  whether the client acted on it (not just acknowledged it)
   * @param journalSeq the journal's last line once the client had handled it; unknown is
   *                   {@link Long#MAX_VALUE} (then whatever the client learnt before counts)
   */
  public record WebhookHandling(String webhookId, String jobId, boolean authentic,
                                boolean processed, long journalSeq) {
    public WebhookHandling(String webhookId, String jobId, boolean authentic, boolean processed) {
      this(webhookId, jobId, authentic, processed, Long.MAX_VALUE);
    }
  }

  /**
   * The user waited for a generation's outcome.
   *
   * @param journalSeq the journal's last line when the wait began
   * @param endSeq     the journal's last line when it ended
   * @param slept      simulated time the client slept during the wait
   */
  public record Await(String generationId, long journalSeq, long endSeq, java.time.Instant at,
                      java.time.Duration slept) {}

  public synchronized ClientLog awaited(Await await) {
    awaits.add(await);
    return this;
  }

  public synchronized List<Await> awaits() {
    return List.copyOf(awaits);
  }

  public synchronized ClientLog generation(String id, String tenant, String idempotencyKey,
                                           List<String> jobIds) {
    return generation(new Generation(id, tenant, idempotencyKey, jobIds));
  }

  public synchronized ClientLog generation(Generation g) {
    generations.put(g.id(), g);
    return this;
  }

  public synchronized ClientLog webhook(String webhookId, String jobId, boolean authentic,
                                        boolean processed) {
    return webhook(new WebhookHandling(webhookId, jobId, authentic, processed));
  }

  public synchronized ClientLog webhook(WebhookHandling handling) {
    webhooks.add(handling);
    return this;
  }

  /** The client cancelled or reported this job because it passed its deadline. */
  public synchronized ClientLog flagged(String jobId) {
    flaggedJobs.add(jobId);
    return this;
  }

  /** What the client believes a tenant has spent in total, after reconciling. */
  public synchronized ClientLog believedSpent(String tenant, Money spent) {
    believedSpent.put(tenant, spent);
    return this;
  }

  /** The client restarted (lost its memory, kept its job store) at this simulated instant. */
  public synchronized ClientLog restarted(java.time.Instant at) {
    restarts.add(at);
    return this;
  }

  /**
   * The user asked the client for something new (a submit, a wait, a poll) after the journal
   * line {@code journalSeq}: retries, Retry-After and the poll floor are judged within one call.
   */
  public synchronized ClientLog callStarted(long journalSeq) {
    callStarts.add(journalSeq);
    return this;
  }

  /**
   * Whether the client has finished every generation it started (the default). While it has
   * not, a generation may still be waiting to adopt the job of a lost response.
   */
  public synchronized ClientLog settled(boolean finished) {
    settled = finished;
    return this;
  }

  public synchronized boolean isSettled() {
    return settled;
  }

  public synchronized List<Long> callStarts() {
    return List.copyOf(callStarts);
  }

  /** Stands for a call the harness could not name ({@link #sentBy}). */
  public static final long CALL_UNKNOWN = -1;

  /**
   * Which client call sent the request journaled as {@code requestSeq}: the one that started
   * after journal line {@code callStartSeq} (as given to {@link #callStarted}), or
   * {@link #CALL_UNKNOWN} when calls ran at once on several threads and the sender could not be
   * told (a request of an unknown call is judged with no other). A request the log names no call
   * for belongs to the call started last before it.
   */
  public synchronized ClientLog sentBy(long requestSeq, long callStartSeq) {
    requestCalls.put(requestSeq, callStartSeq);
    return this;
  }

  /** Request seq to the start of the call that sent it ({@link #sentBy}). */
  public synchronized Map<Long, Long> requestCalls() {
    return Map.copyOf(requestCalls);
  }

  public synchronized List<java.time.Instant> restarts() {
    return List.copyOf(restarts);
  }

  /** What the client believes one job cost (fees included): names the job when totals differ. */
  public synchronized ClientLog believedJobCost(String jobId, Money cost) {
    believedJobCosts.put(jobId, cost);
    return this;
  }

  public synchronized Map<String, Money> believedJobCosts() {
    return Map.copyOf(believedJobCosts);
  }

  public synchronized List<Generation> generations() {
    return List.copyOf(generations.values());
  }

  public synchronized List<WebhookHandling> webhooks() {
    return List.copyOf(webhooks);
  }

  public synchronized Set<String> flaggedJobs() {
    return Set.copyOf(flaggedJobs);
  }

  public synchronized Map<String, Money> believedSpent() {
    return Map.copyOf(believedSpent);
  }

  public synchronized boolean isEmpty() {
    return generations.isEmpty() && webhooks.isEmpty() && flaggedJobs.isEmpty()
        && believedSpent.isEmpty();
  }
}
