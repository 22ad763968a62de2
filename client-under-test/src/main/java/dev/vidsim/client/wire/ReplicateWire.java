package dev.vidsim.client.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.client.ApiResponse;
import dev.vidsim.client.JsonSupport;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replicate's predictions, by model ({@code POST /models/{owner}/{name}/predictions}), polled
 * with {@code GET /predictions/{id}}, cancelled with {@code POST /predictions/{id}/cancel};
 * errors are RFC 7807 problem documents. No idempotency key: a create whose answer was lost is
 * found in {@code GET /predictions} (newest first) by its model and echoed {@code input}. No
 * model listing: the catalog is the integrator's sheet, and a removed model answers 404.
 */
final class ReplicateWire extends DialectWire {
  static final String BASE = "/replicate/v1";

  ReplicateWire(WireContext context) {
    super(context);
  }

  @Override
  String provider() {
    return "Replicate";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(false, true, true, false, false);
  }

  private Map<String, String> auth() {
    return Map.of("Authorization", "Bearer " + context.apiKey());
  }

  /** Official models are {@code owner/name}: only those can be run by model. */
  @Override
  ApiResponse models(Transport t) {
    return sheet(null, id -> id != null && id.matches("[^/]+/[^/]+"));
  }

  @Override
  ApiResponse create(CreateSpec s, Long seed, Transport t) throws IOException {
    ObjectNode body = JsonSupport.object();
    ObjectNode input = body.putObject("input").put("prompt", s.prompt());
    if (s.seconds() != null) input.put("duration", s.seconds().intValue());
    if (s.resolution() != null) input.put("resolution", s.resolution());
    if (!s.images().isEmpty()) input.put("image", s.images().get(0));
    if (seed != null) input.put("seed", seed);
    ApiResponse r = t.send("POST", BASE + "/models/" + s.model() + "/predictions",
        json(auth()), body.toString());
    return r.isSuccess() ? ok(r, job(r.json())) : error(r, true);
  }

  @Override
  ApiResponse get(String jobId, Transport t) throws IOException {
    ApiResponse r = t.send("GET", BASE + "/predictions/" + jobId, auth(), null);
    return r.isSuccess() ? ok(r, job(r.json())) : error(r, false);
  }

  /** A finished prediction is answered as it is (Replicate's cancel is not an error then). */
  @Override
  ApiResponse cancel(String jobId, Transport t) throws IOException {
    ApiResponse r = t.send("POST", BASE + "/predictions/" + jobId + "/cancel", auth(), null);
    return r.isSuccess() ? ok(r, job(r.json())) : error(r, false);
  }

  @Override
  List<JsonNode> recent(Transport t) throws IOException, ListingFailed {
    ApiResponse r = t.send("GET", BASE + "/predictions", auth(), null);
    if (!r.isSuccess()) throw new ListingFailed(error(r, false));
    List<JsonNode> out = new ArrayList<>();
    r.json().path("results").forEach(p -> out.add(job(p)));
    return out;
  }

  /** starting → queued, processing → in_progress; canceled and aborted are cancels. */
  static ObjectNode job(JsonNode p) {
    String status = String.valueOf(JsonSupport.text(p, "status"));
    boolean removed = p.path("data_removed").asBoolean(false);
    ObjectNode job = JobJson.job(JsonSupport.text(p, "id"), JsonSupport.text(p, "model"),
        switch (status) {
          case "starting" -> "queued";
          case "processing" -> "in_progress";
          case "succeeded" -> removed ? "expired" : "succeeded";
          default -> "failed";
        });
    JsonNode in = p.path("input");
    JobJson.details(job, JsonSupport.text(in, "prompt"),
        JsonSupport.decimal(in, "duration", null), JsonSupport.text(in, "resolution"),
        JsonSupport.text(p, "created_at") == null ? null
            : Instant.parse(JsonSupport.text(p, "created_at")));
    if (p.path("output").isTextual()) job.put("contentUrl", p.get("output").asText());
    if (in.path("seed").canConvertToLong()) job.put("seed", in.get("seed").asLong());
    switch (status) {
      case "canceled", "aborted" -> JobJson.failed(job, "cancel", status);
      // Replicate's error is free text: its kind is not told, so it is an error
      case "failed" -> JobJson.failed(job, "error", JsonSupport.text(p, "error"));
      default -> { }
    }
    return job;
  }

  /** @param create a 404 on create means the model is gone (else the prediction is) */
  private static ApiResponse error(ApiResponse r, boolean create) {
    JsonNode p = r.json();
    String detail = JsonSupport.text(p, "detail") != null ? JsonSupport.text(p, "detail")
        : r.body();
    String code = switch (r.status()) {
      case 402 -> INSUFFICIENT_BALANCE;
      case 403 -> create ? "model_not_available_for_tier" : "forbidden";
      case 404 -> create ? MODEL_NOT_FOUND : "not_found";
      case 409 -> "conflict";
      case 422, 400 -> "invalid_request";
      case 429 -> "rate_limited";
      default -> null;
    };
    return error(r, r.status(), code, detail);
  }
}
