package dev.vidsim.dialect.vidsim;

import dev.vidsim.clock.InstantText;
import dev.vidsim.engine.Commands;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.engine.Engine;
import dev.vidsim.engine.Simulator;
import dev.vidsim.gate.Admission;
import dev.vidsim.http.Call;
import dev.vidsim.http.Json;
import dev.vidsim.http.PlaceholderVideo;
import dev.vidsim.http.SyncCreate;
import dev.vidsim.http.Wire;
import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.jobs.JobView;
import dev.vidsim.jobs.Jobs;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** vidsim's own API under /v1: small handlers over the engine. */
final class VidsimApi {
  private static final Set<String> CREATE_FIELDS = Set.of("model", "prompt", "mode", "seconds",
      "resolution", "image", "images", "webhookUrl");
  private final Simulator sim;

  VidsimApi(Simulator sim) {
    this.sim = sim;
  }

  void models(Context ctx, Call<Void> call, Admission a) {
    ObjectNode out = sim.call(e -> {
      ArrayNode data = Json.array();
      e.models(call.apiKey()).forEach(m -> data.add(lifecycle(Wire.model(m, e.currency()),
          m.id(), e)));
      ObjectNode o = Json.object().put("object", "list");
      o.set("data", data);
      return o;
    });
    Json.write(ctx, 200, out);
  }

  /** What a careful client needs beyond the price: sync behaviour, an announced removal. */
  private static ObjectNode lifecycle(ObjectNode model, String id, Engine e) {
    var wait = e.scenario().conditions().syncModels().get(id);
    if (wait != null) model.put("sync", true).put("syncWaitSeconds", wait.toSeconds());
    var removal = e.catalog().removal(id);
    if (removal != null) {
      model.put("removedAt", InstantText.of(removal)).put("renamedTo", e.catalog().renamedTo(id));
    }
    return model;
  }

  Call<CreateRequest> parseCreate(Context ctx) {
    String apiKey = VidsimDialect.bearer(ctx); // a wrong auth scheme is a 401 before any 400
    ObjectNode body = Json.body(ctx, CREATE_FIELDS);
    List<String> images = new ArrayList<>(Json.strings(body, "images"));
    String image = Json.string(body, "image");
    if (image != null) images.add(0, image);
    var req = new CreateRequest(Json.string(body, "model"), Json.string(body, "prompt"),
        Json.string(body, "mode"), Json.integer(body, "seconds"), Json.string(body, "resolution"),
        images, Json.string(body, "webhookUrl"));
    return new Call<>(apiKey, req.model(), null, req);
  }

  void create(Context ctx, Call<CreateRequest> call, Admission a) {
    String idempotencyKey = ctx.header("Idempotency-Key");
    var started = sim.call(e -> SyncCreate.start(e, new Commands.Create(call.apiKey(),
        call.request(), idempotencyKey, a.outcome())));
    Json.write(ctx, 201, Wire.job(started.await(sim)));
  }

  void get(Context ctx, Call<Void> call, Admission a) {
    Json.write(ctx, 200, Wire.job(sim.execute(new Commands.Poll(call.apiKey(), call.jobId()))));
  }

  void list(Context ctx, Call<Void> call, Admission a) {
    int limit = Json.intParam(ctx, "limit", 20);
    Jobs.JobPage page = sim.call(e -> e.jobs().list(call.apiKey(), ctx.queryParam("status"),
        ctx.queryParam("idempotency_key"), limit, ctx.queryParam("after")));
    ObjectNode o = Json.object().put("object", "list");
    ArrayNode data = o.putArray("data");
    page.data().forEach(j -> data.add(Wire.job(j)));
    o.put("hasMore", page.hasMore());
    Json.write(ctx, 200, o);
  }

  void cancel(Context ctx, Call<Void> call, Admission a) {
    Json.write(ctx, 200, Wire.job(sim.execute(new Commands.Cancel(call.apiKey(), call.jobId()))));
  }

  void content(Context ctx, Call<Void> call, Admission a) {
    JobView job = sim.call(e -> e.jobs().content(call.apiKey(), call.jobId()));
    ctx.status(200).contentType("video/mp4")
        .header("Content-Disposition", "attachment; filename=\"" + job.id() + ".mp4\"")
        .result(PlaceholderVideo.mp4(job.id(), job.seconds()));
  }

  void balance(Context ctx, Call<Void> call, Admission a) {
    Json.write(ctx, 200, sim.call(e -> Wire.balance(e.balance(call.apiKey()), e.currency())));
  }

  void usage(Context ctx, Call<Void> call, Admission a) {
    Json.write(ctx, 200, sim.call(e -> Wire.usage(e.usage(call.apiKey()))));
  }

  void secret(Context ctx, Call<Void> call, Admission a) {
    String secret = sim.call(e -> e.webhookSecret(call.apiKey()));
    Json.write(ctx, 200, Json.object().put("key", secret));
  }

}
