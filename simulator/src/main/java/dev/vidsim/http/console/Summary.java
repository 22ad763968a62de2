package dev.vidsim.http.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.clock.InstantText;
import dev.vidsim.engine.Engine;
import dev.vidsim.http.Json;
import dev.vidsim.jobs.Job;
import dev.vidsim.jobs.JobStatus;
import dev.vidsim.ledger.Balance;
import dev.vidsim.ledger.LedgerEntry;
import dev.vidsim.money.Money;
import dev.vidsim.tenants.Tenant;
import dev.vidsim.webhooks.Attempt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's summary cards for one tenant (or all): money, jobs by status, the failure rate,
 * requests, errors and SDK retries, faults and webhooks, and spend per model over simulated time.
 */
final class Summary {
  private Summary() {}

  static ObjectNode of(Engine e, String tenant, RequestLog.Counts requests) {
    ObjectNode o = Json.object().put("tenant", tenant).put("currency", e.currency())
        .put("now", InstantText.of(e.clock().instant()));
    money(o, e, tenant);
    jobs(o, e, tenant);
    // API traffic only: the admin calls that drive the simulator are not the integration's
    o.put("requests", requests.requests()).put("errors", requests.errors())
        .put("sdkRetries", requests.sdkRetries());
    o.put("faultRules", e.faults().list().size());
    List<Attempt> hooks = e.webhooks().attempts().stream()
        .filter(a -> tenant == null || tenant.equals(e.jobs().tenantOf(a.jobId()))).toList();
    o.put("webhookAttempts", hooks.size()).put("webhookFailures", hooks.stream()
        .filter(a -> a.status() == null || a.status() < 200 || a.status() > 299).count());
    o.set("spendByModel", SpendSeries.of(lines(e, tenant), e.jobs().byId()));
    return o;
  }

  private static void money(ObjectNode o, Engine e, String tenant) {
    Money balance = Money.ZERO;
    Money held = Money.ZERO;
    Money spent = Money.ZERO;
    for (Tenant t : e.tenantList()) {
      if (tenant != null && !tenant.equals(t.apiKey())) continue;
      Balance b = e.ledger().balance(t.apiKey());
      balance = balance.plus(b.balance());
      held = held.plus(b.held());
      spent = spent.plus(b.spent());
    }
    o.put("balance", balance.toString()).put("held", held.toString())
        .put("available", balance.minus(held).toString()).put("spent", spent.toString());
  }

  /**
   * Jobs by status, and the failure rate: failed, timed out or expired before delivering, out of
   * the jobs that ended (a cancel is the user's choice, not a failure).
   */
  private static void jobs(ObjectNode o, Engine e, String tenant) {
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    for (JobStatus s : JobStatus.values()) byStatus.put(s.wireName(), 0);
    int ended = 0;
    int failed = 0;
    for (Job j : e.jobs().byId().values()) {
      if (tenant != null && !tenant.equals(j.tenant())) continue;
      byStatus.merge(j.status().wireName(), 1, Integer::sum);
      if (!j.status().isTerminal() || j.status() == JobStatus.CANCELLED) continue;
      ended++;
      boolean delivered = j.history().stream().anyMatch(t -> t.to() == JobStatus.SUCCEEDED);
      if (!delivered) failed++;
    }
    ObjectNode jobs = o.putObject("jobs");
    byStatus.forEach(jobs::put);
    jobs.put("total", byStatus.values().stream().mapToInt(Integer::intValue).sum());
    ObjectNode rate = o.putObject("failureRate").put("failed", failed).put("ended", ended);
    // one decimal, rounded half up, in integer arithmetic: 1 of 3 is "33.3"
    long tenths = ended == 0 ? 0 : (failed * 2000L / ended + 1) / 2;
    rate.put("percent", ended == 0 ? null : tenths / 10 + "." + tenths % 10);
  }

  private static List<LedgerEntry> lines(Engine e, String tenant) {
    return tenant == null ? e.ledger().all() : e.ledger().entries(tenant);
  }
}
