package dev.vidsim.metrics;

import dev.vidsim.jobs.JobStatus;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One scrape of {@code /_sim/metrics}, in Prometheus text format 0.0.4. */
public final class Scrape {
  public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
  private static final String[] MONEY_LABELS = {"type", "unit", "model", "tenant", "currency"};
  private static final String[] REQUEST_LABELS = {"dialect", "endpoint", "status"};

  private Scrape() {}

  public static byte[] render(EngineMetrics.Snapshot e, RequestCounts requests) {
    List<MetricSnapshot> out = new ArrayList<>();
    var answered = CounterSnapshot.builder().name("vidsim_requests")
        .help("Requests answered, by dialect, endpoint and HTTP status");
    requests.answered().forEach((k, n) -> answered.dataPoint(counter(n,
        Labels.of(REQUEST_LABELS, k.toArray(String[]::new)))));
    out.add(answered.build());
    var retries = CounterSnapshot.builder().name("vidsim_sdk_retries")
        .help("Requests an official SDK marked as a retry (X-Stainless-Retry-Count > 0)");
    requests.sdkRetries().forEach((d, n) -> retries.dataPoint(counter(n, Labels.of("dialect", d))));
    out.add(retries.build());
    var amount = CounterSnapshot.builder().name("vidsim_ledger_amount")
        .help("Money moved by ledger lines, by line type (charge, refund, hold, capture, release,"
            + " topup), pricing unit, model and tenant; exact sums rendered as decimals");
    var lines = CounterSnapshot.builder().name("vidsim_ledger_lines")
        .help("Ledger lines written, labelled as vidsim_ledger_amount");
    e.moneyMicros().forEach((k, micros) -> amount.dataPoint(counter(micros / 1_000_000.0,
        moneyLabels(k, e.currency()))));
    e.moneyLines().forEach((k, n) -> lines.dataPoint(counter(n, moneyLabels(k, e.currency()))));
    out.add(amount.build());
    out.add(lines.build());
    out.add(counter("vidsim_ledger_series_dropped", "Ledger lines not labelled: too many series",
        e.moneySeriesDropped()));
    var jobs = GaugeSnapshot.builder().name("vidsim_jobs").help("Jobs held, by status");
    for (Map.Entry<JobStatus, Long> s : e.jobsByStatus().entrySet()) {
      jobs.dataPoint(gauge(s.getValue(), Labels.of("status", s.getKey().wireName())));
    }
    out.add(jobs.build());
    out.add(counter("vidsim_webhook_attempts", "Webhook deliveries attempted",
        e.webhookAttempts()));
    var outcomes = CounterSnapshot.builder().name("vidsim_webhook_outcomes")
        .help("Webhook attempts by outcome: delivered, retrying, stopped (410), abandoned");
    e.webhookOutcomes().forEach((o, n) -> outcomes.dataPoint(counter(n, Labels.of("outcome", o))));
    out.add(outcomes.build());
    var store = GaugeSnapshot.builder().name("vidsim_job_store_jobs")
        .help("Jobs in the bounded job store: held, unfinished, and its bound (max)");
    store.dataPoint(gauge(e.jobsHeld(), Labels.of("kind", "held")));
    store.dataPoint(gauge(e.jobsUnfinished(), Labels.of("kind", "unfinished")));
    store.dataPoint(gauge(e.jobsMax(), Labels.of("kind", "max")));
    out.add(store.build());
    out.add(counter("vidsim_job_store_forgotten", "Finished jobs forgotten to make room",
        e.jobsForgotten()));
    var journal = GaugeSnapshot.builder().name("vidsim_journal_lines")
        .help("Journal lines kept, and the bound (max)");
    journal.dataPoint(gauge(e.journalLines(), Labels.of("kind", "kept")));
    journal.dataPoint(gauge(e.journalMax(), Labels.of("kind", "max")));
    out.add(journal.build());
    out.add(counter("vidsim_journal_dropped", "Journal lines rotated out (ledgers never are)",
        e.journalDropped()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(bytes, new MetricSnapshots(out));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return bytes.toByteArray();
  }

  private static Labels moneyLabels(List<String> k, String currency) {
    return Labels.of(MONEY_LABELS, new String[] {k.get(0), k.get(1), k.get(2), k.get(3),
        currency});
  }

  private static CounterSnapshot counter(String name, String help, double value) {
    return CounterSnapshot.builder().name(name).help(help).dataPoint(counter(value, Labels.EMPTY))
        .build();
  }

  private static CounterDataPointSnapshot counter(double value, Labels labels) {
    return CounterDataPointSnapshot.builder().value(value).labels(labels).build();
  }

  private static GaugeDataPointSnapshot gauge(double value, Labels labels) {
    return GaugeDataPointSnapshot.builder().value(value).labels(labels).build();
  }
}
