package dev.vidsim.tck.internal;

import dev.vidsim.checker.ClientLimits;
import dev.vidsim.checker.ClientLog;
import dev.vidsim.checker.Evidence;
import dev.vidsim.checker.JobSnapshot;
import dev.vidsim.checker.LedgerLine;
import dev.vidsim.checker.ModelPolicy;
import dev.vidsim.checker.ReportedBalance;
import java.time.Instant;
import java.util.List;

/**
 * Collects one try's evidence in two halves: {@link #take} reads the simulator's state under its
 * lock (raw journal lines, ledger, jobs, clock, balance) on the thread that drives the client,
 * right after an action; {@link #build} parses and pairs it, which may happen later on the
 * checking thread ({@link CheckPipeline}). Builds run one at a time, in the order taken.
 */
final class EvidenceCollector {
  private final JournalCursor journal = new JournalCursor();
  private final LedgerCursor ledger = new LedgerCursor();
  private final SimHost host;
  private final String apiKey;
  private final ClientLimits limits;
  /** The scenario's models never change during a try: converted once, not after every action. */
  private final List<ModelPolicy> policies;

  /** The evidence as raw as it can be taken. */
  record Taken(ClientLog log, List<String> lines, List<LedgerLine> ledger, List<JobSnapshot> jobs,
               Instant now, ReportedBalance balance, List<ModelPolicy> policies) {}

  EvidenceCollector(SimHost host, String apiKey, ClientLimits limits) {
    this.host = host;
    this.apiKey = apiKey;
    this.limits = limits;
    this.policies = host.scenario().models().stream().map(ModelPolicy::of).toList();
  }

  /** The simulator's state now, with what the client reported just before. */
  Taken take(ClientLog log) {
    return host.simulator().call(e -> {
      var balance = e.ledger().balance(apiKey);
      return new Taken(log, journal.fetch(e), List.copyOf(ledger.read(e)),
          e.jobs().all().stream().map(JobSnapshot::of).toList(), e.clock().instant(),
          new ReportedBalance(apiKey, balance.balance(), balance.held(), balance.available()),
          policies);
    });
  }

  /** Parses and pairs what {@link #take} took. */
  Evidence build(Taken t) {
    var b = Evidence.builder().journal(journal.parse(t.lines())).paired(journal.exchanges())
        .ledger(t.ledger()).jobs(t.jobs()).now(t.now()).clientLog(t.log()).limits(limits)
        .reportedBalance(t.balance());
    t.policies().forEach(b::policy);
    return b.build();
  }
}
