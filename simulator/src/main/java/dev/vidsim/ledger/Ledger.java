package dev.vidsim.ledger;

import dev.vidsim.money.Money;
import dev.vidsim.pricing.Shared;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Append-only per-tenant ledger with two-phase holds. Balances are derived from the lines on every
 * read. Ledger lines are never evicted (unlike the journal): they are the money.
 */
public final class Ledger {
  private final Map<String, List<LedgerEntry>> byTenant = new LinkedHashMap<>();
  private final Map<String, Hold> holds = new HashMap<>();
  private final Map<String, List<LedgerEntry>> byJob = new HashMap<>();
  private final Map<String, Totals> totals = new HashMap<>();
  /** Rule texts repeat across jobs (one per price and outcome): equal ones share a string. */
  private final Shared<String> rules = new Shared<>();
  private final Consumer<LedgerEntry> listener;
  private long seq;

  private record Hold(String tenant, Money amount, String jobId, String key) {}

  /** A running fold of one tenant's lines, so the hot path needs no rescan. */
  private static final class Totals {
    long balance;
    long held;
    long spent;

    void add(LedgerEntry e) {
      long m = e.amount().micros();
      switch (e.type()) {
        case TOPUP -> balance += m;
        case REFUND -> { balance += m; spent -= m; }
        case CHARGE -> { balance -= m; spent += m; }
        case HOLD -> held += m;
        case CAPTURE -> { balance -= m; held -= m; spent += m; }
        case RELEASE -> held -= m;
      }
    }

    Balance toBalance() {
      return new Balance(new Money(balance), new Money(held), new Money(balance - held),
          new Money(spent));
    }
  }

  public Ledger(Consumer<LedgerEntry> listener) {
    this.listener = listener;
  }

  public LedgerEntry topUp(String tenant, Money amount, String rule, Instant at) {
    return append(tenant, EntryType.TOPUP, amount, null, null, rule, at);
  }

  /** Takes money now; throws (writing nothing) unless it is available. */
  public LedgerEntry charge(String tenant, Money amount, String jobId, String key, String rule,
                            Instant at) {
    requireAvailable(tenant, amount);
    return append(tenant, EntryType.CHARGE, amount, jobId, key, rule, at);
  }

  public LedgerEntry refund(String tenant, Money amount, String jobId, String key, String rule,
                            Instant at) {
    return append(tenant, EntryType.REFUND, amount, jobId, key, rule, at);
  }

  /** Reserves money for a job; returns the hold id that settles it later. */
  public String hold(String tenant, Money amount, String jobId, String key, String rule,
                     Instant at) {
    requireAvailable(tenant, amount);
    String holdId = holdIdOf(jobId);
    if (holds.containsKey(holdId) || heldBefore(jobId)) {
      throw new IllegalStateException("job " + jobId + " already has a hold");
    }
    holds.put(holdId, new Hold(tenant, amount, jobId, key));
    append(tenant, EntryType.HOLD, amount, jobId, key, rule, at);
    return holdId;
  }

  /** Captures part of a hold and releases the rest; a hold settles exactly once. */
  public void settle(String holdId, Money capture, String rule, Instant at) {
    Hold h = holds.remove(holdId);
    if (h == null) {
      throw new IllegalStateException("hold " + holdId + " is unknown or already settled");
    }
    if (capture.isPositive() && capture.compareTo(h.amount()) > 0) {
      throw new IllegalArgumentException("capture " + capture + " exceeds hold " + h.amount());
    }
    if (capture.isPositive()) {
      append(h.tenant(), EntryType.CAPTURE, capture, h.jobId(), h.key(), rule, at);
    }
    Money rest = h.amount().minus(Money.max(capture, Money.ZERO));
    if (rest.isPositive()) {
      append(h.tenant(), EntryType.RELEASE, rest, h.jobId(), h.key(), rule, at);
    }
  }

  /** The id of a job's hold: a job has at most one. */
  public static String holdIdOf(String jobId) {
    return "hold_" + jobId;
  }

  /** Whether the job's hold was taken before (and settled since: its lines say so). */
  private boolean heldBefore(String jobId) {
    for (LedgerEntry e : byJob.getOrDefault(jobId, List.of())) {
      if (e.type() == EntryType.HOLD) return true;
    }
    return false;
  }

  public boolean isOpen(String holdId) {
    return holds.containsKey(holdId);
  }

  /** The tenant's balance, folded from its lines as they are appended. */
  public Balance balance(String tenant) {
    Totals t = totals.get(tenant);
    Balance b = t == null ? new Totals().toBalance() : t.toBalance();
    assert b.equals(recompute(tenant)) : "running totals drifted from the lines of " + tenant;
    assert b.held().micros() >= 0 : "open holds went negative for " + tenant;
    return b;
  }

  /** The balance recomputed from scratch from the lines: the check of {@link #balance}. */
  public Balance recompute(String tenant) {
    Totals t = new Totals();
    byTenant.getOrDefault(tenant, List.of()).forEach(t::add);
    return t.toBalance();
  }

  public List<LedgerEntry> entries(String tenant) {
    return List.copyOf(byTenant.getOrDefault(tenant, List.of()));
  }

  public List<LedgerEntry> entriesForJob(String tenant, String jobId) {
    return byJob.getOrDefault(jobId, List.of()).stream()
        .filter(e -> e.tenant().equals(tenant)).toList();
  }

  public List<LedgerEntry> all() {
    List<LedgerEntry> out = new ArrayList<>();
    byTenant.values().forEach(out::addAll);
    out.sort((a, b) -> Long.compare(a.seq(), b.seq()));
    return out;
  }

  /** Throws, writing nothing, unless {@code amount} is available to the tenant. */
  public void requireAvailable(String tenant, Money amount) {
    Money available = balance(tenant).available();
    if (amount.compareTo(available) > 0) {
      throw new InsufficientFundsException(amount, available);
    }
  }

  private LedgerEntry append(String tenant, EntryType type, Money amount, String jobId, String key,
                             String rule, Instant at) {
    LedgerEntry e = new LedgerEntry(++seq, tenant, type, amount, jobId, key, rules.of(rule), at);
    byTenant.computeIfAbsent(tenant, t -> new ArrayList<>()).add(e);
    totals.computeIfAbsent(tenant, t -> new Totals()).add(e);
    // a job has 1 to 3 lines: a list sized for 2, not the default 10
    if (jobId != null) byJob.computeIfAbsent(jobId, j -> new ArrayList<>(2)).add(e);
    listener.accept(e);
    return e;
  }
}
