package dev.vidsim.http.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.engine.Engine;
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

  public ConsoleRoutes(Simulator sim) {
    this.sim = sim;
  }

  /** GET /_sim/summary?tenant=: the summary cards, for one tenant or all. */
  public void summary(Context ctx) {
    String tenant = ctx.queryParam("tenant");
    Json.write(ctx, 200, sim.call(e -> {
      if (tenant != null) e.tenant(tenant);
      return Summary.of(e, tenant, requests(e, tenant));
    }));
  }

  /** GET /_sim/requests?tenant=&limit=: the request log, newest first. */
  public void requests(Context ctx) {
    String tenant = ctx.queryParam("tenant");
    int limit = Json.intParam(ctx, "limit", 200);
    if (limit < 1 || limit > REQUESTS_MAX) {
      throw SimException.invalid("limit", "from 1 to " + REQUESTS_MAX + ", got " + limit);
    }
    Json.write(ctx, 200, sim.call(e -> {
      if (tenant != null) e.tenant(tenant);
      List<ObjectNode> rows = requests(e, tenant);
      ObjectNode o = Json.object().put("total", rows.size());
      ArrayNode data = o.putArray("data");
      for (int i = rows.size() - 1; i >= 0 && data.size() < limit; i--) data.add(rows.get(i));
      return o;
    }));
  }

  /** GET /_sim/jobs/{id}: the job with its timeline, ledger lines, requests and webhooks. */
  public void job(Context ctx) {
    String id = ctx.pathParam("id");
    Json.write(ctx, 200, sim.call(e -> {
      ObjectNode detail = JobDetail.of(e, id, requests(e, null));
      if (detail == null) {
        throw new SimException(ErrorCode.NOT_FOUND, "no job " + id
            + " in the store; list them with GET /_sim/jobs", Map.of("field", "id"));
      }
      return detail;
    }));
  }

  private static List<ObjectNode> requests(Engine e, String tenant) {
    List<ObjectNode> rows = RequestLog.read(e.journal().lines(RequestLog::wanted));
    if (tenant == null) return rows;
    return rows.stream().filter(r -> tenant.equals(r.path("tenant").asText(null))).toList();
  }
}
