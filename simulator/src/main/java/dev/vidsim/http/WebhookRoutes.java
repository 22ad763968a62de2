package dev.vidsim.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.engine.Commands;
import dev.vidsim.engine.Simulator;
import dev.vidsim.http.console.WebhookRows;
import dev.vidsim.errors.SimException;
import dev.vidsim.journal.Journal;
import dev.vidsim.webhooks.Attempt;
import io.javalin.http.Context;
import java.util.Set;

/** Webhook delivery attempts and per-tenant URLs (/_sim). */
final class WebhookRoutes {
  private final Simulator sim;

  WebhookRoutes(Simulator sim) {
    this.sim = sim;
  }

  /** Every attempt, oldest first: event, job, url, attempt number, status (null: in flight). */
  void attempts(Context ctx) {
    Json.write(ctx, 200, sim.call(e -> {
      ObjectNode o = Json.object();
      ArrayNode data = o.putArray("data");
      for (Attempt a : e.webhooks().attempts()) {
        data.add(WebhookRows.of(a).put("tenant", e.jobs().tenantOf(a.jobId())));
      }
      return o;
    }));
  }

  /** Body {"url": "http://127.0.0.1:9000/hooks"} (null removes it). */
  void setTenantUrl(Context ctx) {
    ObjectNode body = Json.body(ctx, Set.of("url"));
    String url = Json.string(body, "url");
    String key = ctx.pathParam("apiKey");
    sim.execute(new Commands.SetWebhookUrl(key, url));
    Json.write(ctx, 200, Json.object().put("tenant", key).put("url", url));
  }
}
