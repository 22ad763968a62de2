package dev.vidsim.dialect.openrouter;

import dev.vidsim.engine.Commands;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.engine.Simulator;
import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.gate.Admission;
import dev.vidsim.http.Call;
import dev.vidsim.http.Json;
import dev.vidsim.http.PlaceholderVideo;
import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.jobs.JobStatus;
import dev.vidsim.jobs.JobView;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.Supplier;

/** The handlers of the OpenRouter dialect: create, poll, content, models, keyless delivery. */
final class OpenRouterVideos {
  private final Simulator sim;
  private final OpenRouterDialect dialect;
  private final Supplier<String> server;

  OpenRouterVideos(Simulator sim, OpenRouterDialect dialect, Supplier<String> server) {
    this.sim = sim;
    this.dialect = dialect;
    this.server = server;
  }

  Call<CreateRequest> parseCreate(Context ctx) {
    String key = dialect.apiKey(ctx);
    CreateRequest req = OpenRouterInput.parse(ctx, sim.call(e -> e.clock().instant()));
    return new Call<>(key, req.model(), null, req);
  }

  /** 202 with the pending job; continuing a job ({@code previous_job_id}) needs it completed. */
  void create(Context ctx, Call<CreateRequest> call, Admission a) {
    String key = call.apiKey();
    CreateRequest req = call.request();
    String previous = req.attributes().get(OpenRouterInput.PREVIOUS_JOB);
    JobView created = sim.call(e -> {
      if (previous != null) requireCompleted(e.jobs().source(key, previous));
      return e.run(new Commands.Create(key, req, ctx.header("Idempotency-Key"), a.outcome()));
    });
    Json.write(ctx, 202, OpenRouterWire.video(created, server(ctx)));
  }

  private static void requireCompleted(JobView previous) {
    if (previous.status() != JobStatus.SUCCEEDED) {
      throw new SimException(ErrorCode.JOB_NOT_READY, "previous_job_id " + previous.id()
          + " is " + OpenRouterWire.status(previous) + "; only a completed job can be"
          + " continued: poll it until completed", Map.of("field", "previous_job_id"));
    }
  }

  void get(Context ctx, Call<Void> call, Admission a) {
    JobView v = sim.call(e -> e.run(new Commands.Poll(call.apiKey(), call.jobId())));
    Json.write(ctx, 200, OpenRouterWire.video(v, server(ctx)));
  }

  /** {@code ?index=0}: the only video of a completed job, as video/mp4. */
  void content(Context ctx, Call<Void> call, Admission a) {
    String index = ctx.queryParam("index");
    if (index != null && !index.isEmpty() && !index.equals("0")) {
      throw SimException.invalid("index", "this job has 1 video: use index 0, got '" + index
          + "'");
    }
    JobView v = sim.call(e -> e.jobs().content(call.apiKey(), call.jobId()));
    ctx.status(200).contentType("video/mp4").result(PlaceholderVideo.mp4(v.id(), v.seconds()));
  }

  /** What {@code urls} points at: keyless, like a signed URL. */
  void delivery(Context ctx, Call<Void> call, Admission a) {
    JobView v = sim.call(e -> e.jobs().delivered(call.jobId()));
    ctx.status(200).contentType("video/mp4").result(PlaceholderVideo.mp4(v.id(), v.seconds()));
  }

  void models(Context ctx, Call<Void> call, Admission a) {
    var offers = sim.call(e -> e.aggregatedModels(call.apiKey(), OpenRouterDialect.NAME));
    var created = sim.call(e -> e.scenario().startTime());
    ObjectNode o = Json.object();
    ArrayNode data = o.putArray("data");
    offers.forEach(m -> data.add(OpenRouterWire.model(m, created)));
    Json.write(ctx, 200, o);
  }

  private String server(Context ctx) {
    String host = ctx.header("Host");
    return host == null || host.isBlank() ? server.get() : "http://" + host;
  }
}
