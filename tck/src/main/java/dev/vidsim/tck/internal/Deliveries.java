package dev.vidsim.tck.internal;

import dev.vidsim.checker.ClientLog;
import dev.vidsim.tck.ClientUnderTest;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Webhook deliveries handed to the client, the simulator's and forged ones alike: what it made
 * of each goes to the client log. A crash while handling one (the receiving code dereferenced
 * null, say) fails the try at the next check, as a crash in any other client call does: the
 * simulator would only see a failed delivery and send it again, and the crash would pass.
 */
final class Deliveries {
  private final Supplier<ClientUnderTest> client;
  private final ClientLog log;
  /** The journal's last line: when a delivery was handled, against what the client had learnt. */
  private final LongSupplier journalSeq;
  private volatile AssertionError crash;

  Deliveries(Supplier<ClientUnderTest> client, ClientLog log, LongSupplier journalSeq) {
    this.client = client;
    this.log = log;
    this.journalSeq = journalSeq;
  }

  void deliver(Map<String, List<String>> headers, String body, boolean authentic) {
    String webhookId = first(headers, "webhook-id");
    boolean processed;
    try {
      processed = client.get().onWebhook(headers, body);
    } catch (RuntimeException thrown) {
      AssertionError crashed = ClientCrash.of("webhook " + webhookId, thrown);
      if (crashed == null) throw thrown;
      if (crash == null) crash = crashed;
      throw crashed;
    }
    log.webhook(new ClientLog.WebhookHandling(webhookId, jobOf(body), authentic, processed,
        journalSeq.getAsLong()));
  }

  /** Throws the first crash a delivery met, if any. */
  void rethrowCrash() {
    AssertionError c = crash;
    if (c != null) throw c;
  }

  private static String first(Map<String, List<String>> headers, String name) {
    for (var h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) return h.getValue().get(0);
    }
    return null;
  }

  private static String jobOf(String body) {
    return dev.vidsim.checker.JsonText.parse(body).path("data").path("id").asText(null);
  }
}
