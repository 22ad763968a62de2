package dev.vidsim.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.engine.CreateRequest;
import dev.vidsim.engine.JobView;
import dev.vidsim.engine.Jobs;
import dev.vidsim.engine.SimException;
import dev.vidsim.engine.Simulator;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** vidsim's own API under /v1: small handlers over the engine. */
final class ApiRoutes {
  private static final Set<String> CREATE_FIELDS = Set.of("model", "prompt", "mode", "seconds",
      "resolution", "image", "images", "webhookUrl");
  private final Simulator sim;

  ApiRoutes(Simulator sim) {
    this.sim = sim;
  }

  void models(Context ctx) {
    String key = apiKey(ctx);
    ObjectNode out = sim.call(e -> {
      ArrayNode data = Json.array();
      e.models(key).forEach(m -> data.add(lifecycle(Wire.model(m, e.currency()), m.id(), e)));
      ObjectNode o = Json.object().put("object", "list");
      o.set("data", data);
      return o;
    });
    Json.write(ctx, 200, out);
  }

  /** What a careful client needs beyond the price: sync behaviour, an announced removal. */
  private static ObjectNode lifecycle(ObjectNode model, String id, dev.vidsim.engine.Engine e) {
    var wait = e.scenario().conditions().syncModels().get(id);
    if (wait != null) model.put("sync", true).put("syncWaitSeconds", wait.toSeconds());
    var removal = e.catalog().removal(id);
    if (removal != null) {
      model.put("removedAt", removal.toString()).put("renamedTo", e.catalog().renamedTo(id));
    }
    return model;
  }

  void create(Context ctx) {
    String key = apiKey(ctx);
    CreateRequest req = createRequest(Json.body(ctx, CREATE_FIELDS));
    String idempotencyKey = ctx.header("Idempotency-Key");
    var outcome = Guard.admission(ctx).outcome();
    JobView view = sim.call(e -> e.jobs().create(key, req, idempotencyKey, outcome));
    var answer = sim.call(e -> e.jobs().syncAnswer(view.id()));
    Json.write(ctx, 201, Wire.job(answer == null ? view : SyncCreate.await(sim, answer, view)));
  }

  static CreateRequest createRequest(ObjectNode body) {
    List<String> images = new ArrayList<>(Json.strings(body, "images"));
    String image = Json.string(body, "image");
    if (image != null) images.add(0, image);
    return new CreateRequest(Json.string(body, "model"), Json.string(body, "prompt"),
        Json.string(body, "mode"), Json.decimal(body, "seconds"), Json.string(body, "resolution"),
        images, Json.string(body, "webhookUrl"));
  }

  void get(Context ctx) {
    String key = apiKey(ctx);
    String id = ctx.pathParam("id");
    Json.write(ctx, 200, Wire.job(sim.call(e -> e.jobs().get(key, id))));
  }

  void list(Context ctx) {
    String key = apiKey(ctx);
    int limit = intParam(ctx, "limit", 20);
    Jobs.JobPage page = sim.call(e -> e.jobs().list(key, ctx.queryParam("status"),
        ctx.queryParam("idempotency_key"), limit, ctx.queryParam("after")));
    ObjectNode o = Json.object().put("object", "list");
    ArrayNode data = o.putArray("data");
    page.data().forEach(j -> data.add(Wire.job(j)));
    o.put("hasMore", page.hasMore());
    Json.write(ctx, 200, o);
  }

  void cancel(Context ctx) {
    String key = apiKey(ctx);
    String id = ctx.pathParam("id");
    Json.write(ctx, 200, Wire.job(sim.call(e -> e.jobs().cancel(key, id))));
  }

  void content(Context ctx) {
    String key = apiKey(ctx);
    String id = ctx.pathParam("id");
    JobView job = sim.call(e -> e.jobs().content(key, id));
    ctx.status(200).contentType("video/mp4")
        .header("Content-Disposition", "attachment; filename=\"" + job.id() + ".mp4\"")
        .result(PlaceholderVideo.mp4(job.id(), job.seconds()));
  }

  void balance(Context ctx) {
    String key = apiKey(ctx);
    Json.write(ctx, 200, sim.call(e -> Wire.balance(e.balance(key), e.currency())));
  }

  void usage(Context ctx) {
    String key = apiKey(ctx);
    Json.write(ctx, 200, sim.call(e -> Wire.usage(e.usage(key))));
  }

  /** The bearer token, or null (the engine answers 401 with what to send). */
  static String apiKey(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth == null) return null;
    return auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : auth.trim();
  }

  static int intParam(Context ctx, String name, int fallback) {
    return (int) Math.min(Integer.MAX_VALUE, longParam(ctx, name, fallback));
  }

  static long longParam(Context ctx, String name, long fallback) {
    String v = ctx.queryParam(name);
    if (v == null) return fallback;
    if (!v.matches("\\d{1,18}")) {
      throw SimException.invalid(name, "expected a whole number, got '" + v + "'");
    }
    return Long.parseLong(v);
  }
}
