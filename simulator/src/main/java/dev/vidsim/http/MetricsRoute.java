package dev.vidsim.http;

import dev.vidsim.engine.Simulator;
import dev.vidsim.metrics.RequestCounts;
import dev.vidsim.metrics.Scrape;
import io.javalin.http.Context;

/**
 * {@code GET /_sim/metrics}: Prometheus text format. Requests are counted here as they are
 * answered (no lock); the engine's facts are read in one lock hold and written out after it.
 */
final class MetricsRoute {
  private final Simulator sim;
  private final RequestCounts requests = new RequestCounts();

  MetricsRoute(Simulator sim) {
    this.sim = sim;
  }

  /** After every request: its dialect ("admin" for /_sim), guarded endpoint and status. */
  void answered(Context ctx, String dialect) {
    Object endpoint = ctx.attribute(Guard.ENDPOINT);
    String retry = ctx.header("X-Stainless-Retry-Count");
    requests.answered(ctx.path().startsWith("/_sim/") ? "admin" : dialect,
        endpoint == null ? "other" : endpoint.toString(), ctx.status().getCode(),
        retry != null && !retry.equals("0"));
  }

  void scrape(Context ctx) {
    var facts = sim.call(e -> e.metrics().snapshot(e.jobs().store(), e.journal(),
        e.scenario().journalMaxEntries()));
    ctx.status(200).contentType(Scrape.CONTENT_TYPE).result(Scrape.render(facts, requests));
  }
}
