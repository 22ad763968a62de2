package dev.vidsim.http.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.clock.InstantText;
import dev.vidsim.http.Json;
import dev.vidsim.webhooks.Attempt;

/** A webhook delivery attempt as JSON: event, job, url, attempt number, answer (null: none). */
public final class WebhookRows {
  private WebhookRows() {}

  public static ObjectNode of(Attempt a) {
    ObjectNode n = Json.object().put("event", a.eventId()).put("job", a.jobId())
        .put("type", a.type()).put("url", a.url()).put("attempt", a.attempt())
        .put("at", InstantText.of(a.at()));
    if (a.status() == null) n.putNull("status");
    else n.put("status", a.status());
    if (a.error() != null) n.put("error", a.error());
    return n;
  }
}
