package dev.vidsim.http.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.engine.Simulator;
import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.http.Json;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard reads beyond the plain admin API (/_sim): the summary cards, the request
 * log with tenants, error codes and SDK retries, and one job's detail.
 */
public final class ConsoleRoutes {
  /** Rows the request log answers at most (newest first). */
  public static final int REQUESTS_MAX = 1000;
  private final Simulator sim;
  private final RequestLog log;

  public ConsoleRoutes(Simulator sim) {
    this.sim = sim;
    this.log = new RequestLog(sim);
  }

  /** GET /_sim/summary?tenant=: the summary cards, for one tenant or all. */
  public void summary(Context ctx) {
    String tenant = tenant(ctx);
    RequestLog.Counts counts = log.counts(tenant);
    Json.write(ctx, 200, sim.call(e -> Summary.of(e, tenant, counts)));
  }

  /** GET /_sim/requests?tenant=&limit=: the request log, newest first. */
  public void requests(Context ctx) {
    String tenant = tenant(ctx);
    int limit = Json.intParam(ctx, "limit", 200);
    if (limit < 1 || limit > REQUESTS_MAX) {
      throw SimException.invalid("limit", "from 1 to " + REQUESTS_MAX + ", got " + limit);
    }
    int[] total = new int[1];
    List<ObjectNode> rows = log.newest(tenant, limit, total);
    ObjectNode o = Json.object().put("total", total[0]);
    o.putArray("data").addAll(rows);
    Json.write(ctx, 200, o);
  }

  /** GET /_sim/jobs/{id}: the job with its timeline, ledger lines, requests and webhooks. */
  public void job(Context ctx) {
    String id = ctx.pathParam("id");
    List<ObjectNode> requests = log.ofJob(id);
    Json.write(ctx, 200, sim.call(e -> {
      ObjectNode detail = JobDetail.of(e, id, requests);
      if (detail == null) {
        throw new SimException(ErrorCode.NOT_FOUND, "no job " + id
            + " in the store; list them with GET /_sim/jobs", Map.of("field", "id"));
      }
      return detail;
    }));
  }

  /** The ?tenant= asked for (an unknown one is a 404 that says so), or null for all. */
  private String tenant(Context ctx) {
    String tenant = ctx.queryParam("tenant");
    if (tenant != null) sim.run(e -> e.tenant(tenant));
    return tenant;
  }
}
