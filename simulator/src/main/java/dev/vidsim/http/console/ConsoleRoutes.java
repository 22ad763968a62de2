package dev.vidsim.http.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
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

  public ConsoleRoutes(Simulator sim) {
    this.sim = sim;
  }

  /** GET /_sim/summary?tenant=: the summary cards, for one tenant or all. */
  public void summary(Context ctx) {
    String tenant = ctx.queryParam("tenant");
    List<ObjectNode> requests = requestLog(tenant);
    Json.write(ctx, 200, sim.call(e -> Summary.of(e, tenant, requests)));
  }

  /** GET /_sim/requests?tenant=&limit=: the request log, newest first. */
  public void requests(Context ctx) {
    String tenant = ctx.queryParam("tenant");
    int limit = Json.intParam(ctx, "limit", 200);
    if (limit < 1 || limit > REQUESTS_MAX) {
      throw SimException.invalid("limit", "from 1 to " + REQUESTS_MAX + ", got " + limit);
    }
    List<ObjectNode> rows = requestLog(tenant);
    ObjectNode o = Json.object().put("total", rows.size());
    ArrayNode data = o.putArray("data");
    for (int i = rows.size() - 1; i >= 0 && data.size() < limit; i--) data.add(rows.get(i));
    Json.write(ctx, 200, o);
  }

  /** GET /_sim/jobs/{id}: the job with its timeline, ledger lines, requests and webhooks. */
  public void job(Context ctx) {
    String id = ctx.pathParam("id");
    List<ObjectNode> requests = requestLog(null);
    Json.write(ctx, 200, sim.call(e -> {
      ObjectNode detail = JobDetail.of(e, id, requests);
      if (detail == null) {
        throw new SimException(ErrorCode.NOT_FOUND, "no job " + id
            + " in the store; list them with GET /_sim/jobs", Map.of("field", "id"));
      }
      return detail;
    }));
  }

  /**
   * The request log, of one tenant (an unknown one is a 404) or all. The journal's lines are
   * copied under the simulator's lock and parsed outside it, so a dashboard polling a long
   * journal does not hold up the API it watches.
   */
  private List<ObjectNode> requestLog(String tenant) {
    List<String> lines = sim.call(e -> {
      if (tenant != null) e.tenant(tenant);
      return e.journal().lines(RequestLog::wanted);
    });
    List<ObjectNode> rows = RequestLog.read(lines);
    if (tenant == null) return rows;
    return rows.stream().filter(r -> tenant.equals(r.path("tenant").asText(null))).toList();
  }
}
