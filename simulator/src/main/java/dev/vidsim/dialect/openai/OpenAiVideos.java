package dev.vidsim.dialect.openai;

import dev.vidsim.engine.Commands;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.engine.Engine;
import dev.vidsim.engine.Simulator;
import dev.vidsim.errors.SimException;
import dev.vidsim.gate.Admission;
import dev.vidsim.http.Call;
import dev.vidsim.http.Json;
import dev.vidsim.http.PlaceholderVideo;
import dev.vidsim.http.SyncCreate;
import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.jobs.JobStatus;
import dev.vidsim.jobs.JobView;
import dev.vidsim.jobs.Jobs;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;

/** The /videos handlers of the OpenAI dialect. */
final class OpenAiVideos {
  private static final Set<String> VARIANTS = Set.of("video", "thumbnail", "spritesheet");
  private final Simulator sim;

  OpenAiVideos(Simulator sim) {
    this.sim = sim;
  }

  /**
   * A create: a new video from {@code request}, or one made from the completed video
   * {@code sourceId} (a remix or an edit: its model, length and size; an extension: its model and
   * size, {@code seconds} long), read from the source under the same engine call.
   */
  record VideoCreate(CreateRequest request, String sourceId, String prompt, String kind,
                     java.math.BigDecimal seconds) {}

  Call<VideoCreate> parseCreate(Context ctx) {
    String key = OpenAiDialect.bearerKey(ctx);
    CreateRequest req = OpenAiForms.create(ctx);
    return new Call<>(key, req.model(), null, new VideoCreate(req, null, null, null, null));
  }

  Call<VideoCreate> parseRemix(Context ctx) {
    String key = OpenAiDialect.bearerKey(ctx);
    String prompt = OpenAiForms.derived(ctx, false).prompt();
    String source = ctx.pathParam("id");
    return new Call<>(key, null, source, new VideoCreate(null, source, prompt, "remixed",
        null));
  }

  Call<VideoCreate> parseEdit(Context ctx) {
    return derived(ctx, "edited", false);
  }

  Call<VideoCreate> parseExtend(Context ctx) {
    return derived(ctx, "extended", true);
  }

  /** An edit or extension of {@code video[id]}; an uploaded video has no source: a new one. */
  private Call<VideoCreate> derived(Context ctx, String kind, boolean withSeconds) {
    String key = OpenAiDialect.bearerKey(ctx);
    OpenAiForms.Derived d = OpenAiForms.derived(ctx, withSeconds);
    if (d.videoId() == null) {
      CreateRequest fresh = new CreateRequest(OpenAiForms.DEFAULT_MODEL, d.prompt(), null,
          d.seconds(), null, null, null, OpenAiDialect.NAME, Map.of(), OpenAiWire.IDS);
      return new Call<>(key, fresh.model(), null, new VideoCreate(fresh, null, null, kind, null));
    }
    return new Call<>(key, null, d.videoId(), new VideoCreate(null, d.videoId(), d.prompt(),
        kind, d.seconds()));
  }

  void create(Context ctx, Call<VideoCreate> call, Admission a) {
    String idempotencyKey = ctx.header("Idempotency-Key");
    Seen<SyncCreate.Started> started = call(e -> SyncCreate.start(e, new Commands.Create(
        call.apiKey(), request(e, call), idempotencyKey, a.outcome())));
    Json.write(ctx, 200, OpenAiWire.video(started.value().await(sim), started.emitExpired()));
  }

  private static CreateRequest request(Engine e, Call<VideoCreate> call) {
    VideoCreate c = call.request();
    if (c.sourceId() == null) return c.request();
    JobView src = e.jobs().source(call.apiKey(), c.sourceId());
    if (src.status() != JobStatus.SUCCEEDED) {
      throw SimException.invalid("video", "video " + src.id() + " is "
          + OpenAiWire.status(src.status(), src.failure(), false)
          + "; only a completed video can be "
          + c.kind());
    }
    Map<String, String> origin = c.kind().equals("remixed")
        ? Map.of(OpenAiWire.REMIXED_FROM, src.id()) : Map.of();
    return new CreateRequest(src.model(), c.prompt(), null,
        c.seconds() != null ? c.seconds() : src.seconds(), src.resolution(), null, null,
        OpenAiDialect.NAME, origin, OpenAiWire.IDS);
  }

  void get(Context ctx, Call<Void> call, Admission a) {
    Seen<JobView> v = call(e -> e.run(new Commands.Poll(call.apiKey(), call.jobId())));
    Json.write(ctx, 200, OpenAiWire.video(v.value(), v.emitExpired()));
  }

  void list(Context ctx, Call<Void> call, Admission a) {
    int limit = Json.intParam(ctx, "limit", 20);
    String order = ctx.queryParam("order") == null ? "desc" : ctx.queryParam("order");
    if (!order.equals("asc") && !order.equals("desc")) {
      throw SimException.invalid("order", "expected 'asc' or 'desc', got '" + order + "'");
    }
    String after = ctx.queryParam("after");
    Seen<Jobs.JobPage> page = call(e -> e.jobs().listOwn(call.apiKey(), OpenAiDialect.NAME,
        limit, after, order.equals("asc")));
    ObjectNode o = Json.object().put("object", "list");
    ArrayNode data = o.putArray("data");
    page.value().data().forEach(j -> data.add(OpenAiWire.video(j, page.emitExpired())));
    JsonNode first = data.isEmpty() ? null : data.get(0).get("id");
    JsonNode last = data.isEmpty() ? null : data.get(data.size() - 1).get("id");
    o.set("first_id", first == null ? Json.MAPPER.nullNode() : first);
    o.set("last_id", last == null ? Json.MAPPER.nullNode() : last);
    o.put("has_more", page.value().hasMore());
    Json.write(ctx, 200, o);
  }

  void delete(Context ctx, Call<Void> call, Admission a) {
    JobView v = sim.call(e -> e.run(new Commands.Delete(call.apiKey(), call.jobId())));
    Json.write(ctx, 200, Json.object().put("id", v.id())
        .put("object", "video.deleted").put("deleted", true));
  }

  void content(Context ctx, Call<Void> call, Admission a) {
    String variant = ctx.queryParam("variant") == null ? "video" : ctx.queryParam("variant");
    if (!VARIANTS.contains(variant)) {
      throw SimException.invalid("variant", "expected one of video, thumbnail, spritesheet, got '"
          + variant + "'");
    }
    JobView job = sim.call(e -> e.jobs().content(call.apiKey(), call.jobId()));
    String id = job.id();
    switch (variant) {
      case "thumbnail" -> ctx.contentType("image/webp").result(PlaceholderVideo.webp(id));
      case "spritesheet" -> ctx.contentType("image/jpeg").result(PlaceholderVideo.jpeg(id));
      default -> ctx.contentType("video/mp4").result(PlaceholderVideo.mp4(id, job.seconds()));
    }
    ctx.status(200);
  }

  void models(Context ctx, Call<Void> call, Admission a) {
    ObjectNode o = sim.call(e -> {
      ObjectNode list = Json.object().put("object", "list");
      ArrayNode data = list.putArray("data");
      long created = e.scenario().startTime().getEpochSecond();
      e.models(call.apiKey()).forEach(m -> data.addObject().put("id", m.id())
          .put("object", "model").put("created", created).put("owned_by", "vidsim"));
      return list;
    });
    Json.write(ctx, 200, o);
  }

  /** An engine call's answer, with whether this run shows lapsed videos as expired. */
  private record Seen<T>(T value, boolean emitExpired) {}

  /** One lock hold for the answer and the run's dialect setting; rendering happens outside. */
  private <T> Seen<T> call(java.util.function.Function<Engine, T> action) {
    return sim.call(e -> new Seen<>(action.apply(e),
        e.scenario().conditions().emitExpired().contains(OpenAiDialect.NAME)));
  }
}
