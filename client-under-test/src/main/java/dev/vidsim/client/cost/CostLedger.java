package dev.vidsim.client.cost;

import dev.vidsim.client.Amount;
import dev.vidsim.client.VideoJob;
import dev.vidsim.client.catalog.CostQuote;
import dev.vidsim.client.catalog.PriceSheet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The client's own record of what each job should cost. Thread-safe. */
public final class CostLedger {
  private final Map<String, LedgerLine> lines = new LinkedHashMap<>();
  private final Map<String, Promised> promised = new LinkedHashMap<>();

  /**
   * What the client quoted for a create, kept by its idempotency key before the create is sent:
   * a job found later by that key (its answer lost, the process restarted, its model gone from
   * the catalog, a provider that reports no price) is believed to cost this, as if answered.
   */
  public record Promised(CostQuote quote, PriceSheet pricing) {}

  public synchronized void promise(String idempotencyKey, CostQuote quote, PriceSheet pricing) {
    if (idempotencyKey != null) promised.put(idempotencyKey, new Promised(quote, pricing));
  }

  public synchronized Optional<Promised> promised(String idempotencyKey) {
    return Optional.ofNullable(idempotencyKey == null ? null : promised.get(idempotencyKey));
  }

  public synchronized void recordCreate(VideoJob job, CostQuote quote, PriceSheet pricing) {
    lines.putIfAbsent(job.id(), new LedgerLine(job.id(), job.idempotencyKey(), quote, pricing, 0,
        null));
    lines.computeIfPresent(job.id(), (k, l) -> l.withSeen(job));
  }

  /** A status poll answered: its fee (if any) was charged. */
  public synchronized void recordPoll(VideoJob job) {
    lines.computeIfPresent(job.id(), (k, l) -> l.withPoll().withSeen(job));
  }

  /** News about a job from anywhere (webhook, cancel, lookup), without a fee. */
  public synchronized void recordSeen(VideoJob job) {
    lines.computeIfPresent(job.id(), (k, l) -> l.withSeen(job));
  }

  public synchronized Optional<LedgerLine> line(String jobId) {
    return Optional.ofNullable(lines.get(jobId));
  }

  public synchronized List<LedgerLine> lines() {
    return List.copyOf(new ArrayList<>(lines.values()));
  }

  public synchronized Amount expectedTotal() {
    return lines.values().stream().map(LedgerLine::expected).reduce(Amount.ZERO, Amount::plus);
  }

  /** Worst case of everything submitted so far: what the session budget is checked against. */
  public synchronized Amount committedTotal() {
    return lines.values().stream().map(LedgerLine::committed).reduce(Amount.ZERO, Amount::plus);
  }
}
