package dev.vidsim.ledger;

import dev.vidsim.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.function.Consumer;

/**
 * Append-only per-tenant ledger with two-phase holds. Balances are derived from the lines on every
 * read. Ledger lines are never evicted (unlike the journal): they are the money.
 */
public final class Ledger {
  private final Map<String, List<LedgerEntry>> byTenant = new LinkedHashMap<>();
  private final Map<String, Hold> holds = new HashMap<>();
  private final Set<String> settledHolds = new HashSet<>();
  private final Consumer<LedgerEntry> listener;
  private long seq;

  private record Hold(String tenant, Money amount, String jobId, String key) {}

  public Ledger(Consumer<LedgerEntry> listener) {
    this.listener = listener;
  }

  public LedgerEntry topUp(String tenant, Money amount, String rule, Instant at) {
    return append(tenant, EntryType.TOPUP, amount, null, null, null, rule, at);
  }

  /** Takes money now; throws (writing nothing) unless it is available. */
  public LedgerEntry charge(String tenant, Money amount, String jobId, String key, String rule,
                            Instant at) {
    requireAvailable(tenant, amount);
    return append(tenant, EntryType.CHARGE, amount, jobId, key, null, rule, at);
  }

  public LedgerEntry refund(String tenant, Money amount, String jobId, String key, String rule,
                            Instant at) {
    return append(tenant, EntryType.REFUND, amount, jobId, key, null, rule, at);
  }

  /** Reserves money for a job; returns the hold id that settles it later. */
  public String hold(String tenant, Money amount, String jobId, String key, String rule,
                     Instant at) {
    requireAvailable(tenant, amount);
    String holdId = "hold_" + jobId;
    if (holds.containsKey(holdId) || settledHolds.contains(holdId)) {
      throw new IllegalStateException("job " + jobId + " already has a hold");
    }
    holds.put(holdId, new Hold(tenant, amount, jobId, key));
    append(tenant, EntryType.HOLD, amount, jobId, key, holdId, rule, at);
    return holdId;
  }

  /** Captures part of a hold and releases the rest; a hold settles exactly once. */
  public void settle(String holdId, Money capture, String rule, Instant at) {
    Hold h = holds.remove(holdId);
    if (h != null) {
      settledHolds.add(holdId);
    }
    if (h == null) {
      throw new IllegalStateException("hold " + holdId + " is unknown or already settled");
    }
    if (capture.isPositive() && capture.compareTo(h.amount()) > 0) {
      throw new IllegalArgumentException("capture " + capture + " exceeds hold " + h.amount());
    }
    if (capture.isPositive()) {
      append(h.tenant(), EntryType.CAPTURE, capture, h.jobId(), h.key(), holdId, rule, at);
    }
    Money rest = h.amount().minus(Money.max(capture, Money.ZERO));
    if (rest.isPositive()) {
      append(h.tenant(), EntryType.RELEASE, rest, h.jobId(), h.key(), holdId, rule, at);
    }
  }

  public boolean isOpen(String holdId) {
    return holds.containsKey(holdId);
  }

  public Balance balance(String tenant) {
    long balance = 0;
    long held = 0;
    long spent = 0;
    for (LedgerEntry e : entries(tenant)) {
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
    assert held >= 0 : "open holds went negative for " + tenant;
    return new Balance(new Money(balance), new Money(held), new Money(balance - held),
        new Money(spent));
  }

  public List<LedgerEntry> entries(String tenant) {
    return List.copyOf(byTenant.getOrDefault(tenant, List.of()));
  }

  public List<LedgerEntry> entriesForJob(String tenant, String jobId) {
    return entries(tenant).stream().filter(e -> jobId.equals(e.jobId())).toList();
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
                             String holdId, String rule, Instant at) {
    LedgerEntry e = new LedgerEntry(++seq, tenant, type, amount, jobId, key, holdId, rule, at);
    byTenant.computeIfAbsent(tenant, t -> new ArrayList<>()).add(e);
    listener.accept(e);
    return e;
  }
}
