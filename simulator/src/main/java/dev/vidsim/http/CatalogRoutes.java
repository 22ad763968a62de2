package dev.vidsim.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.clock.InstantText;
import dev.vidsim.clock.SimDuration;
import dev.vidsim.errors.SimException;
import dev.vidsim.engine.Commands;
import dev.vidsim.engine.Simulator;
import dev.vidsim.journal.Journal;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** /_sim/models/{id}/remove: take a model off the catalog (or rename it) while running. */
final class CatalogRoutes {
  private final Simulator sim;

  CatalogRoutes(Simulator sim) {
    this.sim = sim;
  }

  /** Body {"after": "10m", "renamedTo": "reel-2"}, both optional (default: now, plain removal). */
  void remove(Context ctx) {
    ObjectNode body = Json.body(ctx, Set.of("after", "renamedTo"));
    String after = Json.string(body, "after");
    String renamedTo = Json.string(body, "renamedTo");
    String id = ctx.pathParam("id");
    Duration delay;
    try {
      delay = after == null ? Duration.ZERO : SimDuration.parse(after);
    } catch (IllegalArgumentException e) {
      throw SimException.invalid("after", e.getMessage());
    }
    Instant at = sim.execute(new Commands.RemoveModel(id, delay, renamedTo));
    Json.write(ctx, 200, Json.object().put("model", id).put("removedAt", InstantText.of(at))
        .put("renamedTo", renamedTo));
  }
}
