package dev.vidsim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.engine.Commands;
import dev.vidsim.engine.Simulator;
import dev.vidsim.faults.FaultRule;
import dev.vidsim.faults.FaultSpecException;
import dev.vidsim.faults.Faults;
import dev.vidsim.journal.Journal;
import io.javalin.http.Context;
import java.util.Map;

/** /_sim/faults: add, list and remove fault rules while the simulator runs. */
final class FaultRoutes {
  private final Simulator sim;

  FaultRoutes(Simulator sim) {
    this.sim = sim;
  }

  /** Body: one rule, shaped like a scenario's faults entry. Answers 201 {"id": ...}. */
  void add(Context ctx) {
    JsonNode body = parse(ctx.body());
    FaultRule rule;
    try {
      rule = sim.execute(new Commands.AddFault(body));
    } catch (FaultSpecException ex) {
      throw new SimException(ErrorCode.INVALID_REQUEST, ex.field() + ": " + ex.getMessage(),
          Map.of("field", ex.field()));
    }
    Json.write(ctx, 201, Json.object().put("id", rule.id()));
  }

  void list(Context ctx) {
    Json.write(ctx, 200, sim.call(e -> {
      ObjectNode o = Json.object();
      ArrayNode data = o.putArray("data");
      for (Faults.Active a : e.faults().list()) {
        ObjectNode r = data.addObject().put("id", a.rule().id());
        r.set("when", a.rule().source().path("when").deepCopy());
        r.set("do", a.rule().source().path("do").deepCopy());
        r.put("matched", a.matched()).put("fired", a.fired());
      }
      return o;
    }));
  }

  void clear(Context ctx) {
    int removed = sim.execute(new Commands.ClearFaults());
    Json.write(ctx, 200, Json.object().put("removed", removed));
  }

  void remove(Context ctx) {
    String id = ctx.pathParam("id");
    if (!sim.execute(new Commands.RemoveFault(id))) {
      throw new SimException(ErrorCode.NOT_FOUND, "no fault rule " + id
          + "; list them with GET /_sim/faults", Map.of("field", "id"));
    }
    Json.write(ctx, 200, Json.object().put("removed", id));
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      throw SimException.invalid("body", "expected a fault rule {\"when\": {...}, \"do\": {...}}");
    }
    return Json.parseObject(body);
  }
}
