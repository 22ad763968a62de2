package dev.vidsim.checker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** webhook_duplicates_processed_once: the client acts on each webhook-id at most once. */
final class WebhookDuplicatesProcessedOnce extends ClientLogCheck {
  @Override
  public String name() {
    return "webhook_duplicates_processed_once";
  }

  @Override
  public void run(Evidence e, Sink sink) {
    Map<String, Integer> processed = new LinkedHashMap<>();
    Map<String, String> jobs = new LinkedHashMap<>();
    for (ClientLog.WebhookHandling w : e.clientLog().webhooks()) {
      if (!w.authentic() || !w.processed()) continue;
      processed.merge(w.webhookId(), 1, Integer::sum);
      jobs.put(w.webhookId(), w.jobId());
    }
    processed.forEach((id, n) -> {
      if (n > 1) {
        JobFacts f = e.jobFacts().get(jobs.get(id));
        sink.violation("webhook " + id, "processed " + n + " times (job " + jobs.get(id)
            + "); duplicates must be recognised by webhook-id and ignored",
            f == null ? List.of() : f.lines());
      }
    });
  }
}
