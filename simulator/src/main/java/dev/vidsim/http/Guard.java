package dev.vidsim.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.clock.ClockMode;
import dev.vidsim.clock.SimDuration;
import dev.vidsim.engine.Admission;
import dev.vidsim.engine.Simulator;
import dev.vidsim.faults.Endpoint;
import dev.vidsim.journal.Journal;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Runs the engine's gate (faults, rate limits) before an API handler, and applies what it says
 * at the HTTP level: error answers, Retry-After and rate-limit headers, latency, dropped
 * connections and responses lost after the work was done.
 */
final class Guard {
  static final String ADMISSION = "vidsim.admission";
  static final String DROPPED = "vidsim.dropped";
  static final String LATENCY_HEADER = "X-Vidsim-Latency-Ms";
  private final Simulator sim;

  Guard(Simulator sim) {
    this.sim = sim;
  }

  Handler guarded(Endpoint endpoint, Handler handler) {
    return ctx -> {
      String model = endpoint == Endpoint.CREATE ? modelOf(ctx.body()) : null;
      String jobId = ctx.pathParamMap().get("id");
      String key = ApiRoutes.apiKey(ctx);
      Admission a = sim.call(e -> e.gate().admit(endpoint, key, model, jobId));
      a.headers().forEach(ctx::header);
      delay(ctx, a.latency());
      if (a.dropsUnexecuted()) {
        drop(ctx);
        return;
      }
      if (a.reject() != null) throw a.reject();
      ctx.attribute(ADMISSION, a);
      try {
        handler.handle(ctx);
      } finally {
        if (a.slotOf() != null) sim.run(e -> e.gate().release(a));
      }
      if (a.lost() != null) {
        // the work is done and charged; say so in the journal before the client loses it
        sim.run(e -> e.journal().append("response_lost", Journal.fields().put("path", ctx.path())
            .put("rule", a.lost().id()).put("dropped", a.drop())));
        if (a.drop()) drop(ctx);
        else VidsimServer.error(ctx, a.lostError());
      }
    };
  }

  /** The admission of the current request (PASS outside guarded routes). */
  /** Longest real wait a latency fault may impose on a request thread (real/accelerated clock). */
  static final Duration REAL_DELAY_MAX = Duration.ofMinutes(2);

  static Admission admission(Context ctx) {
    Admission a = ctx.attribute(ADMISSION);
    return a != null ? a : Admission.PASS;
  }

  /**
   * Virtual clock: the delay is recorded (header and journal), never slept, so tests stay fast.
   * Real or accelerated clock: the request thread waits the delay scaled to wall time.
   */
  private void delay(Context ctx, Duration latency) throws InterruptedException {
    if (latency.isZero()) return;
    ctx.header(LATENCY_HEADER, Long.toString(latency.toMillis()));
    long factor = sim.call(e -> {
      e.journal().append("latency", Journal.fields().put("path", ctx.path())
          .put("latency", SimDuration.format(latency)));
      return e.clock().mode() == ClockMode.VIRTUAL ? 0L : e.clock().factor();
    });
    // a request thread never sleeps longer than REAL_DELAY_MAX, whatever the rule says
    if (factor > 0) {
      long wallMillis = Math.max(1, latency.toMillis() / factor);
      Thread.sleep(Math.min(REAL_DELAY_MAX.toMillis(), wallMillis));
    }
  }

  /** Closes the TCP connection without writing a response: the client sees a reset/EOF. */
  private void drop(Context ctx) {
    ctx.attribute(DROPPED, true);
    sim.run(e -> e.journal().append("connection_dropped", Journal.fields()
        .put("path", ctx.path())));
    ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData()
        .getConnection().getEndPoint().close();
  }

  private static String modelOf(String body) {
    try {
      JsonNode n = Json.MAPPER.readTree(body == null ? "" : body);
      return n != null && n.path("model").isTextual() ? n.get("model").asText() : null;
    } catch (Exception malformed) {
      return null;
    }
  }
}
