package dev.vidsim.checker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.catalog.ModelSpec;
import dev.vidsim.engine.Engine;
import dev.vidsim.engine.Simulator;
import dev.vidsim.http.Wire;
import dev.vidsim.testkit.VidsimAdmin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Checks the billing and retry invariants of vidsim's DESIGN over a simulator's journal and
 * ledger (and, when given, the client's own log and promised limits). Use it after any test:
 *
 * <pre>{@code InvariantChecker.assertInvariants(admin);            // throws, listing violations
 * Report r = InvariantChecker.standard().check(evidence);         // or inspect the report}</pre>
 */
public final class InvariantChecker {
  private final List<Check> checks;

  private InvariantChecker(List<Check> checks) {
    this.checks = List.copyOf(checks);
  }

  /** Every invariant vidsim knows. Client checks run only when the evidence has limits. */
  public static InvariantChecker standard() {
    return new InvariantChecker(List.of(new LedgerConservation(), new HoldsSettleExactlyOnce(),
        new OneChargePerIdempotencyKey(), new KeyReuseRejected(),
        new NoChargeForRejectedRequests(), new FailurePolicyApplied(), new ChargeWithinQuote(),
        new OnlyLegalTransitions(), new LostResponsesSettleToOneJob(), new OneGenerationOneKey(),
        new CreatesUseIdempotencyKey(), new WaitsAtLeastRetryAfter(), new RetriesWithinCap(),
        new BackoffWithinBounds(), new RetryDelaysSpread(), new NoRetryOfNonRetryableErrors(),
        new PollingBounded(),
        new FinalMeansFinal(),
        new StuckJobsFlaggedOrCancelled(), new ModelsFromLiveCatalog(),
        new WebhookDuplicatesProcessedOnce(), new ForgedOrStaleWebhooksRejected(),
        new AuthenticWebhooksActedOn(),
        new ClientCostReconcilesWithLedger()));
  }

  /** The same checker without the named checks (e.g. when a test breaks one on purpose). */
  public InvariantChecker without(String... names) {
    Set<String> drop = Set.of(names);
    List<String> unknown = new ArrayList<>(drop);
    unknown.removeAll(checkNames());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("no such checks " + unknown + "; known: " + checkNames());
    }
    return new InvariantChecker(checks.stream().filter(c -> !drop.contains(c.name())).toList());
  }

  /** The same checker without the checks that need non-overlapping requests. */
  public InvariantChecker withoutRequestPairing() {
    return new InvariantChecker(checks.stream().filter(c -> !c.pairsRequests()).toList());
  }

  public List<String> checkNames() {
    return checks.stream().map(Check::name).toList();
  }

  public Report check(Evidence evidence) {
    List<Violation> violations = new ArrayList<>();
    List<String> ran = new ArrayList<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    for (Check c : checks) {
      String why = c.missing(evidence);
      if (why != null) {
        skipped.put(c.name(), why);
        continue;
      }
      ran.add(c.name());
      c.run(evidence, (subject, message, lines, events) ->
          violations.add(new Violation(c.name(), subject, message, lines, events)));
    }
    return new Report(violations, ran, skipped);
  }

  /** Checks a running simulator over HTTP and throws an AssertionError listing violations. */
  public static Report assertInvariants(VidsimAdmin admin) {
    return standard().check(collect(admin).build()).orThrow();
  }

  /** Checks an in-process simulator and throws an AssertionError listing violations. */
  public static Report assertInvariants(Simulator sim) {
    return standard().check(sim.call(InvariantChecker::collect).build()).orThrow();
  }

  /** Everything a running simulator shows over its admin API; add a client log as needed. */
  public static EvidenceBuilder collect(VidsimAdmin admin) {
    EvidenceBuilder b = Evidence.builder()
        .journal(JournalEvent.parseAll(admin.journal()))
        .ledger(LedgerLine.fromDocument(admin.ledger()))
        .jobs(JobSnapshot.fromDocument(admin.jobs()))
        .now(Instant.parse(admin.clock().path("now").asText()));
    for (JsonNode t : admin.tenants().path("data")) {
      String key = t.path("apiKey").asText();
      b.reportedBalance(ReportedBalance.fromJson(key, admin.ledger(key).path("balance")));
    }
    return b;
  }

  /** Everything an in-process engine holds. Call it under the simulator's lock (sim.call). */
  public static EvidenceBuilder collect(Engine e) {
    EvidenceBuilder b = Evidence.builder()
        .journalJsonl(e.journal().toJsonl())
        .ledger(e.ledger().all().stream().map(LedgerLine::of).toList())
        .jobs(e.jobs().all().stream().map(JobSnapshot::of).toList())
        .now(e.clock().instant());
    for (ModelSpec m : e.scenario().models()) b.policy(ModelPolicy.of(m));
    e.tenantList().forEach(t -> b.reportedBalance(ReportedBalance.fromJson(t.apiKey(),
        Wire.balance(e.ledger().balance(t.apiKey()), e.currency()))));
    return b;
  }

  /** Collects from an in-process simulator, letting the caller add a client log or limits. */
  public static Evidence collect(Simulator sim, UnaryOperator<EvidenceBuilder> extra) {
    return extra.apply(sim.call(InvariantChecker::collect)).build();
  }

  /**
   * same_seed_same_journal: two runs of one scenario with one seed and the same requests must
   * journal byte-identical lines. Returns null when they do, else where they first differ.
   */
  public static String journalDifference(List<String> first, List<String> second) {
    int n = Math.min(first.size(), second.size());
    for (int i = 0; i < n; i++) {
      if (!first.get(i).equals(second.get(i))) {
        return "line " + (i + 1) + " differs:\n  first:  " + first.get(i) + "\n  second: "
            + second.get(i);
      }
    }
    if (first.size() != second.size()) {
      return "the first run journaled " + first.size() + " lines, the second "
          + second.size();
    }
    return null;
  }
}
