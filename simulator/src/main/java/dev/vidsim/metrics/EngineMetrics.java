package dev.vidsim.metrics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.jobs.Job;
import dev.vidsim.jobs.JobStatus;
import dev.vidsim.jobs.JobStore;
import dev.vidsim.journal.Journal;
import dev.vidsim.ledger.LedgerEntry;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What one engine has done, counted as it happens (so journal rotation loses nothing): money
 * (exactly, in micros) by ledger line type, pricing unit, model and tenant; webhook attempts by
 * outcome. Its state (jobs by status, how full each bound is) is read when scraped. Called under
 * the simulator's lock.
 */
public final class EngineMetrics {
  /** Webhook journal kinds and the outcome each one means. */
  private static final Map<String, String> WEBHOOK_OUTCOMES = Map.of(
      "webhook_delivered", "delivered", "webhook_retry", "retrying",
      "webhook_stopped", "stopped", "webhook_failed", "abandoned");
  /** Bounds the label sets a scenario can make (tenants x models x types). */
  static final int MONEY_SERIES_MAX = 10_000;
  private final Map<List<String>, Long> moneyMicros = new TreeMap<>(EngineMetrics::compare);
  private final Map<List<String>, Long> moneyLines = new TreeMap<>(EngineMetrics::compare);
  private final Map<String, Long> webhookOutcomes = new TreeMap<>();
  private final Function<String, Job> jobById;
  private final String currency;
  private long webhookAttempts;
  private long moneySeriesDropped;

  public EngineMetrics(Function<String, Job> jobById, String currency) {
    this.jobById = jobById;
    this.currency = currency;
  }

  /** Watches the journal for the webhook outcomes. */
  public EngineMetrics watching(Journal journal) {
    journal.watch(this::line);
    return this;
  }

  private void line(String kind, ObjectNode body) {
    if (!kind.startsWith("webhook_")) return; // every journal line passes here: most, quickly
    if (kind.equals("webhook_attempt")) webhookAttempts++;
    String outcome = WEBHOOK_OUTCOMES.get(kind);
    if (outcome != null) webhookOutcomes.merge(outcome, 1L, Long::sum);
  }

  /** A ledger line, labelled with its job's model and pricing unit ("" for a top-up). */
  public void ledger(LedgerEntry e) {
    Job job = e.jobId() == null ? null : jobById.apply(e.jobId());
    List<String> labels = List.of(e.type().wireName(),
        job == null ? "" : job.pricing().unit().wireName(),
        job == null ? "" : job.model(), e.tenant());
    if (!moneyMicros.containsKey(labels) && moneyMicros.size() >= MONEY_SERIES_MAX) {
      moneySeriesDropped++;
      return;
    }
    moneyMicros.merge(labels, e.amount().micros(), Math::addExact);
    moneyLines.merge(labels, 1L, Long::sum);
  }

  /** Everything, as plain values: read under the lock, written out after it. */
  public Snapshot snapshot(JobStore store, Journal journal, int journalMax) {
    Map<JobStatus, Long> byStatus = new EnumMap<>(JobStatus.class);
    for (JobStatus s : JobStatus.values()) byStatus.put(s, 0L);
    for (Job j : store.asMap().values()) byStatus.merge(j.status(), 1L, Long::sum);
    return new Snapshot(currency, new LinkedHashMap<>(moneyMicros), new LinkedHashMap<>(moneyLines),
        moneySeriesDropped, byStatus, webhookAttempts, new TreeMap<>(webhookOutcomes),
        store.asMap().size(), store.unfinished(), store.capacity(), store.evicted(),
        journal.size(), journalMax, journal.dropped());
  }

  /** One scrape's worth of engine facts. */
  public record Snapshot(String currency, Map<List<String>, Long> moneyMicros,
                         Map<List<String>, Long> moneyLines, long moneySeriesDropped,
                         Map<JobStatus, Long> jobsByStatus, long webhookAttempts,
                         Map<String, Long> webhookOutcomes, int jobsHeld, int jobsUnfinished,
                         int jobsMax, long jobsForgotten, int journalLines, int journalMax,
                         long journalDropped) {}

  private static int compare(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) return c;
    }
    return Integer.compare(a.size(), b.size());
  }
}
