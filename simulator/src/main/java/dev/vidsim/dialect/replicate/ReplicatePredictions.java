package dev.vidsim.dialect.replicate;

import dev.vidsim.engine.Commands;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.catalog.ModelSpec;
import dev.vidsim.engine.Simulator;
import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.gate.Admission;
import dev.vidsim.http.Call;
import dev.vidsim.http.Json;
import dev.vidsim.http.PlaceholderVideo;
import dev.vidsim.http.SyncCreate;
import dev.vidsim.jobs.JobView;
import dev.vidsim.jobs.Jobs;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Supplier;

/** The handlers of the Replicate dialect: predictions, models, the webhook secret, outputs. */
final class ReplicatePredictions {
  /** Predictions per list page (Replicate's page size is not documented; UNVERIFIED). */
  static final int PAGE_SIZE = 100;
  private final Simulator sim;
  private final ReplicateDialect dialect;
  private final Supplier<String> server;

  ReplicatePredictions(Simulator sim, ReplicateDialect dialect, Supplier<String> server) {
    this.sim = sim;
    this.dialect = dialect;
    this.server = server;
  }

  Call<ReplicateInput.Create> parseByModel(Context ctx) {
    String key = dialect.apiKey(ctx);
    String model = ctx.pathParam("owner") + "/" + ctx.pathParam("name");
    return call(key, ReplicateInput.parse(ctx, model, null));
  }

  /** {@code version}: a version id, {@code owner/name:id}, or {@code owner/name}. */
  Call<ReplicateInput.Create> parseByVersion(Context ctx) {
    String key = dialect.apiKey(ctx);
    String version = ctx.body().isBlank() ? null : versionField(ctx);
    if (version == null || version.isBlank()) {
      throw SimException.invalid("version", "required: a model version id (or use POST"
          + " /models/{owner}/{name}/predictions)");
    }
    int colon = version.indexOf(':');
    String named = colon < 0 ? (version.contains("/") ? version : null)
        : version.substring(0, colon);
    String id = colon < 0 ? (named == null ? version : null) : version.substring(colon + 1);
    String model = named != null ? named : modelOfVersion(key, id);
    if (id != null && !id.equals(ReplicateWire.versionOf(model))) {
      throw SimException.invalid("version", "version " + id + " of " + model + " does not exist"
          + " (or you may not use it); GET /models/" + model + " names its latest_version");
    }
    return call(key, ReplicateInput.parse(ctx, model, ReplicateWire.versionOf(model)));
  }

  private static String versionField(Context ctx) {
    try {
      var v = Json.MAPPER.readTree(ctx.body()).get("version");
      return v == null || !v.isTextual() ? null : v.asText();
    } catch (java.io.IOException e) {
      return null; // the full parse names what is malformed
    }
  }

  private String modelOfVersion(String key, String id) {
    List<ModelSpec> models = sim.call(e -> e.models(key));
    return models.stream().map(ModelSpec::id).filter(m -> ReplicateWire.versionOf(m).equals(id))
        .findFirst().orElseThrow(() -> SimException.invalid("version", "version " + id
            + " does not exist (or you may not use it); available models: "
            + models.stream().map(ModelSpec::id).toList()));
  }

  private static Call<ReplicateInput.Create> call(String key, ReplicateInput.Create c) {
    return new Call<>(key, c.request().model(), null, c);
  }

  void create(Context ctx, Call<ReplicateInput.Create> call, Admission a) {
    String key = call.apiKey();
    var c = call.request();
    JobView created = sim.call(e -> {
      JobView v = e.run(new Commands.Create(key, c.request(), ctx.header("Idempotency-Key"),
          a.outcome()));
      if (c.cancelAfter() != null) e.run(new Commands.CancelAfter(key, v.id(), c.cancelAfter()));
      return v;
    });
    JobView shown = created;
    if (call.request().waitLimit() != null) {
      var answer = sim.execute(new Commands.AwaitEnd(key, created.id(),
          call.request().waitLimit()));
      shown = SyncCreate.await(sim, answer, created);
    }
    ObjectNode p = ReplicateWire.prediction(shown, server(ctx));
    ctx.header("Location", p.path("urls").path("get").asText());
    Json.write(ctx, 201, p);
  }

  void get(Context ctx, Call<Void> call, Admission a) {
    JobView v = sim.call(e -> e.run(new Commands.Poll(call.apiKey(), call.jobId())));
    Json.write(ctx, 200, ReplicateWire.prediction(v, server(ctx)));
  }

  /** Newest first, {@value #PAGE_SIZE} a page; {@code next} is the URL of the next page. */
  void list(Context ctx, Call<Void> call, Admission a) {
    String after = ctx.queryParam("cursor");
    Jobs.JobPage page = sim.call(e -> e.jobs().listOwn(call.apiKey(), ReplicateDialect.NAME,
        PAGE_SIZE, after, false));
    String base = server(ctx);
    ObjectNode o = Json.object();
    ArrayNode results = o.putArray("results");
    page.data().forEach(j -> results.add(ReplicateWire.prediction(j, base)));
    o.putNull("previous");
    if (page.hasMore()) {
      String last = page.data().get(page.data().size() - 1).id();
      o.put("next", base + ReplicateWire.BASE + "/predictions?cursor=" + last);
    } else {
      o.putNull("next");
    }
    Json.write(ctx, 200, o);
  }

  /** Cancels a running prediction; a finished one is answered as it is. */
  void cancel(Context ctx, Call<Void> call, Admission a) {
    JobView v = sim.call(e -> {
      try {
        return e.run(new Commands.Cancel(call.apiKey(), call.jobId()));
      } catch (SimException x) {
        if (x.code() != ErrorCode.JOB_NOT_CANCELLABLE) throw x;
        return e.jobs().source(call.apiKey(), call.jobId());
      }
    });
    Json.write(ctx, 200, ReplicateWire.prediction(v, server(ctx)));
  }

  void model(Context ctx, Call<Void> call, Admission a) {
    String id = ctx.pathParam("owner") + "/" + ctx.pathParam("name");
    ModelSpec m = sim.call(e -> e.models(call.apiKey())).stream()
        .filter(x -> x.id().equals(id)).findFirst().orElseThrow(() -> new SimException(
            ErrorCode.MODEL_NOT_FOUND, "model " + id + " does not exist or you may not use it"));
    ObjectNode o = Json.object().put("url", server(ctx) + ReplicateWire.BASE + "/models/" + id)
        .put("owner", ctx.pathParam("owner")).put("name", ctx.pathParam("name"))
        .put("description", m.description()).put("visibility", "public").put("run_count", 0);
    o.putObject("latest_version").put("id", ReplicateWire.versionOf(id))
        .put("created_at", ReplicateWire.iso(sim.call(e -> e.scenario().startTime())));
    Json.write(ctx, 200, o);
  }

  void secret(Context ctx, Call<Void> call, Admission a) {
    String secret = sim.call(e -> e.webhookSecret(call.apiKey()));
    Json.write(ctx, 200, Json.object().put("key", secret));
  }

  /** The output file: keyless, like Replicate's delivery URLs. */
  void delivery(Context ctx, Call<Void> call, Admission a) {
    JobView v = sim.call(e -> e.jobs().delivered(call.jobId()));
    ctx.status(200).contentType("video/mp4").result(PlaceholderVideo.mp4(v.id(), v.seconds()));
  }

  private String server(Context ctx) {
    String host = ctx.header("Host");
    return host == null || host.isBlank() ? server.get() : "http://" + host;
  }
}
