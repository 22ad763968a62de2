package dev.vidsim.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.clock.ClockMode;
import dev.vidsim.clock.SimDuration;
import dev.vidsim.engine.Commands;
import dev.vidsim.engine.Simulator;
import dev.vidsim.faults.Endpoint;
import dev.vidsim.gate.Admission;
import dev.vidsim.journal.Journal;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Wraps every dialect's routes the same way: the dialect parses the request once, then the
 * engine's gate (faults, rate limits) decides before it runs, and what the gate says is applied
 * at the HTTP level: error answers in the dialect's envelope, its rate-limit headers, latency,
 * dropped connections and responses lost after the work was done.
 */
public final class Guard {
  static final String DROPPED = "vidsim.dropped";
  static final String DIALECT = "vidsim.dialect";
  static final String ENDPOINT = "vidsim.endpoint";
  static final String LATENCY_HEADER = "X-Vidsim-Latency-Ms";
  /** Longest real wait a latency fault may impose on a request thread (real/accelerated clock). */
  static final Duration REAL_DELAY_MAX = Duration.ofMinutes(2);
  private final Simulator sim;

  /** Reads a request into a {@link Call}; a malformed request throws the dialect's 400. */
  @FunctionalInterface
  public interface Parser<R> {
    Call<R> parse(Context ctx) throws Exception;
  }

  /** Runs an admitted request: the engine call and the dialect's rendering of its answer. */
  @FunctionalInterface
  public interface Action<R> {
    void run(Context ctx, Call<R> call, Admission admission) throws Exception;
  }

  Guard(Simulator sim) {
    this.sim = sim;
  }

  public <R> Handler guarded(Dialect dialect, Endpoint endpoint, Parser<R> parser,
                             Action<R> action) {
    return ctx -> {
      ctx.attribute(DIALECT, dialect);
      ctx.attribute(ENDPOINT, endpoint.wireName());
      Call<R> call = parser.parse(ctx);
      // what the request is, in every dialect's terms: the harness reads this, not the path
      Admission a = sim.execute(new Commands.Admit(dialect.name(), endpoint, call.apiKey(),
          call.model(), call.jobId(), call.digest()));
      dialect.writeRateHeaders(ctx, a.rate());
      delay(ctx, a.latency());
      if (a.dropsUnexecuted()) {
        drop(ctx);
        return;
      }
      if (a.answer() != null && !a.answer().drop()) a.answer().headers().forEach(ctx::header);
      if (a.redirects()) {
        redirect(ctx, a.answer().status(), a.answer().location());
        return;
      }
      if (a.reject() != null) throw a.reject();
      try {
        action.run(ctx, call, a);
      } finally {
        if (a.slotOf() != null) sim.execute(new Commands.Release(a.slotOf()));
      }
      if (a.lost() != null) {
        // the work is done and charged; say so in the journal before the client loses it
        sim.execute(new Commands.Note("response_lost", Journal.fields().put("path", ctx.path())
            .put("rule", a.lost().id()).put("dropped", a.drop())));
        if (a.drop()) drop(ctx);
        else dialect.writeError(ctx, a.lostError(), a.lostError().httpStatus());
      }
    };
  }

  /**
   * Virtual clock: the delay is recorded (header and journal), never slept, so tests stay fast.
   * Real or accelerated clock: the request thread waits the delay scaled to wall time.
   */
  private void delay(Context ctx, Duration latency) throws InterruptedException {
    if (latency.isZero()) return;
    ctx.header(LATENCY_HEADER, Long.toString(latency.toMillis()));
    sim.execute(new Commands.Note("latency", Journal.fields().put("path", ctx.path())
        .put("latency", SimDuration.format(latency))));
    long factor = sim.call(e -> e.clock().mode() == ClockMode.VIRTUAL ? 0L : e.clock().factor());
    // a request thread never sleeps longer than REAL_DELAY_MAX, whatever the rule says
    if (factor > 0) {
      long wallMillis = Math.max(1, latency.toMillis() / factor);
      Thread.sleep(Math.min(REAL_DELAY_MAX.toMillis(), wallMillis));
    }
  }

  /**
   * A fault's redirect, the same in every dialect: the status and Location with an empty body,
   * nothing executed. vidsim never follows one itself; what the client does is the point.
   */
  private void redirect(Context ctx, int status, String location) {
    ctx.status(status).header("Location", location).result("");
    sim.execute(new Commands.Note("redirect", Journal.fields().put("path", ctx.path())
        .put("status", status).put("location", location)));
  }

  /** Closes the TCP connection without writing a response: the client sees a reset/EOF. */
  private void drop(Context ctx) {
    ctx.attribute(DROPPED, true);
    sim.execute(new Commands.Note("connection_dropped", Journal.fields()
        .put("path", ctx.path())));
    ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData()
        .getConnection().getEndPoint().close();
  }
}
