package dev.vidsim.http.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.clock.InstantText;
import dev.vidsim.engine.Engine;
import dev.vidsim.http.Wire;
import dev.vidsim.jobs.Job;
import dev.vidsim.jobs.Transition;
import dev.vidsim.webhooks.Attempt;
import java.util.List;

/** One job as the console's detail view shows it: status timeline, money, requests, webhooks. */
final class JobDetail {
  private JobDetail() {}

  /**
   * {@code requests}: the request log's rows about this job. Null when the store holds no such
   * job (never made, or forgotten by the bounded store).
   */
  static ObjectNode of(Engine e, String id, List<ObjectNode> requests) {
    Job job = e.jobs().byId().get(id);
    if (job == null) return null;
    ObjectNode o = Wire.job(e.jobs().snapshot(id)).put("tenant", job.tenant())
        .put("dialect", job.dialect());
    ArrayNode timeline = o.putArray("timeline");
    timeline.addObject().put("at", InstantText.of(job.createdAt())).putNull("from")
        .put("to", "queued").put("reason", "created");
    for (Transition t : job.history()) {
      timeline.addObject().put("at", InstantText.of(t.at())).put("from", t.from().wireName())
          .put("to", t.to().wireName()).put("reason", t.reason());
    }
    // running totals are the tenant's: fold all its lines, then keep this job's
    ArrayNode ledger = o.putArray("ledger");
    LedgerRows.of(e.ledger().entries(job.tenant())).forEach(row -> {
      if (id.equals(row.path("job").asText(null))) ledger.add(row);
    });
    o.putArray("requests").addAll(requests);
    ArrayNode hooks = o.putArray("webhooks");
    for (Attempt a : e.webhooks().attempts()) {
      if (id.equals(a.jobId())) hooks.add(WebhookRows.of(a));
    }
    return o;
  }
}
