package dev.vidsim.checker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the checks look at: the simulator's journal and ledger, the current jobs, the declared
 * model policies, the current simulated time and, optionally, what the client reports about
 * itself and the limits it promises. Build one with {@link EvidenceBuilder} or
 * {@link InvariantChecker#collect}.
 */
public final class Evidence {
  private final List<JournalEvent> journal;
  private final List<LedgerLine> ledger;
  private final List<JobSnapshot> jobs;
  private final Map<String, ModelPolicy> policies;
  private final Instant now;
  private final ClientLog clientLog;
  private final ClientLimits limits;
  private final Map<String, ReportedBalance> balances;
  private List<Exchange> exchanges;
  private Map<String, JobFacts> jobFacts;
  private Calls calls;
  private List<List<Exchange>> attemptChains;

  Evidence(List<JournalEvent> journal, List<LedgerLine> ledger, List<JobSnapshot> jobs,
           Map<String, ModelPolicy> policies, Instant now, ClientLog clientLog,
           ClientLimits limits, Map<String, ReportedBalance> balances,
           List<Exchange> exchanges) {
    this.journal = List.copyOf(journal);
    this.ledger = List.copyOf(ledger);
    this.jobs = List.copyOf(jobs);
    this.policies = Map.copyOf(policies);
    this.now = Objects.requireNonNull(now, "now");
    this.clientLog = clientLog;
    this.limits = limits;
    this.balances = Map.copyOf(balances);
    this.exchanges = exchanges == null ? null : List.copyOf(exchanges);
  }

  public static EvidenceBuilder builder() {
    return new EvidenceBuilder();
  }

  public List<JournalEvent> journal() { return journal; }
  public List<LedgerLine> ledger() { return ledger; }
  public List<JobSnapshot> jobs() { return jobs; }
  public Map<String, ModelPolicy> policies() { return policies; }
  public Instant now() { return now; }
  /** Null when the client reported nothing. */
  public ClientLog clientLog() { return clientLog; }
  /** Null when the client promised nothing: the client-behaviour checks are skipped. */
  public ClientLimits limits() { return limits; }
  /** Balances the simulator reports, per tenant, to compare with the ones derived here. */
  public Map<String, ReportedBalance> reportedBalances() { return balances; }

  /** True when the journal was trimmed (it is bounded): history-based checks lose their past. */
  public boolean journalTruncated() {
    return !journal.isEmpty() && journal.get(0).seq() > 1;
  }

  public synchronized List<Exchange> exchanges() {
    if (exchanges == null) exchanges = Exchange.pair(journal);
    return exchanges;
  }

  /** Which client call each line belongs to: several rules ask, so it is worked out once. */
  synchronized Calls calls() {
    if (calls == null) calls = Calls.of(this);
    return calls;
  }

  /** The requests as attempt chains ({@link AttemptChains}), worked out once. */
  synchronized List<List<Exchange>> attemptChains() {
    if (attemptChains == null) {
      attemptChains = AttemptChains.of(this).stream().map(List::copyOf).toList();
    }
    return attemptChains;
  }

  /** Every job the evidence mentions, in order of first appearance. */
  public synchronized Map<String, JobFacts> jobFacts() {
    if (jobFacts == null) jobFacts = indexJobs();
    return jobFacts;
  }

  private Map<String, JobFacts> indexJobs() {
    Map<String, Builder> b = new LinkedHashMap<>();
    for (JournalEvent e : journal) {
      if (e.is("job_created")) {
        Builder j = b.computeIfAbsent(e.text("job"), Builder::new);
        j.created = e;
        j.tenant = e.text("tenant");
        j.model = e.text("model");
      } else if (e.is("state")) {
        b.computeIfAbsent(e.text("job"), Builder::new).states.add(e);
      }
    }
    for (LedgerLine l : ledger) {
      if (l.job() == null) continue;
      Builder j = b.computeIfAbsent(l.job(), Builder::new);
      j.lines.add(l);
      if (j.tenant == null) j.tenant = l.tenant();
      if (j.key == null) j.key = l.idempotencyKey();
    }
    for (JobSnapshot s : jobs) {
      Builder j = b.computeIfAbsent(s.id(), Builder::new);
      j.snapshot = s;
      if (j.model == null) j.model = s.model();
      if (j.key == null) j.key = s.idempotencyKey();
    }
    Map<String, JobFacts> out = new LinkedHashMap<>();
    b.forEach((id, j) -> out.put(id, new JobFacts(id, j.tenant, j.model, j.key, j.created,
        j.states, j.lines, j.snapshot)));
    return out;
  }

  private static final class Builder {
    final List<JournalEvent> states = new ArrayList<>();
    final List<LedgerLine> lines = new ArrayList<>();
    String tenant;
    String model;
    String key;
    JournalEvent created;
    JobSnapshot snapshot;

    Builder(String id) {
      Objects.requireNonNull(id, "job id");
    }
  }
}
