package dev.vidsim.dialect.fal;

import dev.vidsim.engine.Commands;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.catalog.ModelSpec;
import dev.vidsim.engine.Simulator;
import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.faults.Endpoint;
import dev.vidsim.gate.Admission;
import dev.vidsim.http.Call;
import dev.vidsim.http.Json;
import dev.vidsim.http.PathRoutes;
import dev.vidsim.http.PlaceholderVideo;
import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.jobs.JobStatus;
import dev.vidsim.jobs.JobView;
import io.javalin.http.Context;
import java.util.List;
import java.util.regex.Matcher;

/** The queue handlers of the fal dialect: submit, status, result, cancel, output files. */
final class FalQueue {
  private static final String APP = "((?:workflows/|comfy/)?[^/]+/[^/]+)";
  static final String SUBMIT = "^/fal/queue/" + APP + "((?:/[^/]+)*)$";
  static final String STATUS = "^/fal/queue/" + APP + "/requests/([^/]+)/status$";
  static final String RESULT = "^/fal/queue/" + APP + "/requests/([^/]+)$";
  static final String CANCEL = "^/fal/queue/" + APP + "/requests/([^/]+)/cancel$";
  static final String FILE = "^/fal/files/([^/]+)/output\\.mp4$";
  private final Simulator sim;
  private final FalDialect dialect;

  FalQueue(Simulator sim, FalDialect dialect) {
    this.sim = sim;
    this.dialect = dialect;
  }

  record Submit(CreateRequest request, String app) {}

  /** A request about one queued request of an app. */
  record About(String app) {}

  void declare(PathRoutes r) {
    r.add("GET", STATUS, Endpoint.GET, ctx -> about(ctx, STATUS), this::status);
    r.add("GET", RESULT, Endpoint.CONTENT, ctx -> about(ctx, RESULT), this::result);
    r.add("PUT", CANCEL, Endpoint.CANCEL, ctx -> about(ctx, CANCEL), this::cancel);
    r.add("POST", SUBMIT, Endpoint.CREATE, this::parseSubmit, this::submit);
    r.add("GET", FILE, Endpoint.CONTENT, ctx -> Call.aboutJob(null,
        PathRoutes.match(ctx, FILE).group(1)), this::file);
  }

  private Call<About> about(Context ctx, String regex) {
    Matcher m = PathRoutes.match(ctx, regex);
    return new Call<>(dialect.apiKey(ctx), null, m.group(2),
        new About(m.group(1)));
  }

  Call<Submit> parseSubmit(Context ctx) {
    String key = dialect.apiKey(ctx);
    Matcher m = PathRoutes.match(ctx, SUBMIT);
    String app = m.group(1);
    String sub = m.group(2);
    String model = model(key, app, sub);
    String mode = sub.endsWith("image-to-video") ? "image-to-video"
        : sub.endsWith("text-to-video") ? "text-to-video" : null;
    var headers = new FalInput.Headers(ctx.header("x-fal-request-timeout"),
        ctx.header("x-fal-queue-priority"), ctx.header("x-fal-runner-hint"));
    CreateRequest req = FalInput.parse(ctx.body(), model, mode,
        FalDialect.query(ctx, "fal_webhook"), headers);
    return new Call<>(key, model, null, new Submit(req, app));
  }

  /** The endpoint's model: the whole endpoint id if the catalog has it, else the app. */
  private String model(String key, String app, String sub) {
    List<String> ids = sim.call(e -> e.models(key)).stream().map(ModelSpec::id).toList();
    if (ids.contains(app + sub)) return app + sub;
    return ids.contains(app) ? app : app + sub;
  }

  void submit(Context ctx, Call<Submit> call, Admission a) {
    String key = call.apiKey();
    ObjectNode o = sim.call(e -> {
      JobView v = e.run(new Commands.Create(key, call.request().request(),
          ctx.header("Idempotency-Key"), a.outcome()));
      ObjectNode answer = FalWire.urls(Json.object(), server(ctx), call.request().app(),
          v.id());
      return answer.put("queue_position", e.jobs().queuedAhead(key, v.id()));
    });
    ctx.header("x-fal-request-id", o.get("request_id").asText());
    Json.write(ctx, 200, o);
  }

  void status(Context ctx, Call<About> call, Admission a) {
    boolean logs = "1".equals(FalDialect.query(ctx, "logs"));
    ObjectNode o = sim.call(e -> {
      JobView v = owned(e.run(new Commands.Poll(call.apiKey(), call.jobId())),
          call.request().app());
      int ahead = v.status() == JobStatus.QUEUED ? e.jobs().queuedAhead(call.apiKey(), v.id()) : 0;
      return FalWire.status(v, ahead, logs, server(ctx), call.request().app());
    });
    ctx.header("x-fal-request-id", o.get("request_id").asText());
    Json.write(ctx, 200, o);
  }

  /** The output, or the failure as the endpoint answered it (failed requests cost nothing). */
  void result(Context ctx, Call<About> call, Admission a) {
    JobView v = sim.call(e -> owned(e.jobs().source(call.apiKey(), call.jobId()),
        call.request().app()));
    ctx.header("x-fal-request-id", v.id());
    switch (v.status()) {
      case SUCCEEDED -> Json.write(ctx, 200, FalWire.result(v, server(ctx)));
      case QUEUED, IN_PROGRESS -> FalErrors.write(ctx, FalErrors.detail(400,
          "Request is still in progress"));
      case EXPIRED -> FalErrors.write(ctx, FalErrors.detail(404, "The result of request "
          + v.id() + " has expired"));
      default -> FalErrors.write(ctx, FalWire.failure(v));
    }
  }


  /** 202 CANCELLATION_REQUESTED, or 400 ALREADY_COMPLETED for a finished request. */
  void cancel(Context ctx, Call<About> call, Admission a) {
    boolean cancelled = sim.call(e -> {
      owned(e.jobs().source(call.apiKey(), call.jobId()), call.request().app());
      try {
        e.run(new Commands.Cancel(call.apiKey(), call.jobId()));
        return true;
      } catch (SimException x) {
        if (x.code() != ErrorCode.JOB_NOT_CANCELLABLE) throw x;
        return false;
      }
    });
    Json.write(ctx, cancelled ? 202 : 400, Json.object().put("status", cancelled
        ? "CANCELLATION_REQUESTED" : "ALREADY_COMPLETED"));
  }

  void file(Context ctx, Call<Void> call, Admission a) {
    JobView v = sim.call(e -> e.jobs().delivered(call.jobId()));
    ctx.status(200).contentType("video/mp4").result(PlaceholderVideo.mp4(v.id(), v.seconds()));
  }

  /** A request is found only under the app it was submitted to. */
  private static JobView owned(JobView v, String app) {
    if (!v.model().equals(app) && !v.model().startsWith(app + "/")) {
      throw new SimException(ErrorCode.NOT_FOUND, "Request " + v.id()
          + " not found for app " + app + " (it was submitted to " + v.model() + ")");
    }
    return v;
  }

  private String server(Context ctx) {
    String host = ctx.header("Host");
    return "http://" + (host == null || host.isBlank() ? "127.0.0.1" : host);
  }
}
