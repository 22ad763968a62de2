package dev.vidsim.checker;

/**
 * forged_or_stale_webhooks_rejected: a delivery with a wrong signature or a timestamp outside the
 * tolerance is never acted on.
 */
final class ForgedOrStaleWebhooksRejected extends ClientLogCheck {
  @Override
  public String name() {
    return "forged_or_stale_webhooks_rejected";
  }

  @Override
  public void run(Evidence e, Sink sink) {
    for (ClientLog.WebhookHandling w : e.clientLog().webhooks()) {
      if (!w.authentic() && w.processed()) {
        sink.violation("webhook " + w.webhookId(), "was forged or stale (job " + w.jobId()
            + ") and the client acted on it");
      }
    }
  }
}
