package dev.vidsim.checker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assembles {@link Evidence}; every part is optional except the ledger or the journal. */
public final class EvidenceBuilder {
  private final List<JournalEvent> journal = new ArrayList<>();
  private final List<LedgerLine> ledger = new ArrayList<>();
  private final List<JobSnapshot> jobs = new ArrayList<>();
  private final Map<String, ModelPolicy> policies = new LinkedHashMap<>();
  private Instant now;
  private ClientLog clientLog;
  private ClientLimits limits;
  private final Map<String, ReportedBalance> balances = new LinkedHashMap<>();
  private ExchangeTracker tracker;

  EvidenceBuilder() {}

  public EvidenceBuilder journal(List<JournalEvent> events) {
    journal.addAll(events);
    return this;
  }

  /**
   * The journal's exchanges already paired by a tracker fed exactly the journal given here: saves
   * re-pairing (and re-parsing bodies) when checking after every step of a growing journal.
   */
  public EvidenceBuilder paired(ExchangeTracker exchanges) {
    tracker = exchanges;
    return this;
  }

  public EvidenceBuilder journalJsonl(String jsonl) {
    return journal(JournalEvent.parseAll(jsonl));
  }

  public EvidenceBuilder ledger(List<LedgerLine> lines) {
    ledger.addAll(lines);
    return this;
  }

  public EvidenceBuilder jobs(List<JobSnapshot> snapshots) {
    jobs.addAll(snapshots);
    return this;
  }

  public EvidenceBuilder policy(ModelPolicy policy) {
    policies.put(policy.model(), policy);
    return this;
  }

  public EvidenceBuilder policies(Iterable<ModelPolicy> all) {
    all.forEach(this::policy);
    return this;
  }

  /** The current simulated time; defaults to the last journal or ledger timestamp. */
  public EvidenceBuilder now(Instant instant) {
    now = instant;
    return this;
  }

  public EvidenceBuilder clientLog(ClientLog log) {
    clientLog = log;
    return this;
  }

  public EvidenceBuilder limits(ClientLimits clientLimits) {
    limits = clientLimits;
    return this;
  }

  public EvidenceBuilder reportedBalance(ReportedBalance balance) {
    balances.put(balance.tenant(), balance);
    return this;
  }

  public Evidence build() {
    List<Exchange> exchanges = null;
    if (tracker != null) {
      exchanges = tracker.exchanges();
      tracker.catalogPolicies().forEach(policies::putIfAbsent);
    } else {
      addPoliciesSeenInJournal();
    }
    return new Evidence(journal, ledger, jobs, policies, now != null ? now : latest(), clientLog,
        limits, balances, exchanges);
  }

  /** Catalog responses in the journal carry full pricing: use them for undeclared models. */
  private void addPoliciesSeenInJournal() {
    for (Exchange x : Exchange.pair(journal)) {
      if (!x.isModels() || !x.succeeded()) continue;
      x.responseBody().path("data").forEach(m -> {
        ModelPolicy p = ModelPolicy.fromModelJson(m);
        policies.putIfAbsent(p.model(), p);
      });
    }
  }

  private Instant latest() {
    Instant t = Instant.EPOCH;
    for (JournalEvent e : journal) if (e.at().isAfter(t)) t = e.at();
    for (LedgerLine l : ledger) if (l.at() != null && l.at().isAfter(t)) t = l.at();
    return t;
  }
}
