package dev.vidsim.dialect.openrouter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.aggregator.Aggregators;
import dev.vidsim.catalog.ModelSpec;
import dev.vidsim.http.Json;
import dev.vidsim.jobs.JobView;
import dev.vidsim.pricing.PriceOverride;
import dev.vidsim.pricing.PricingUnit;
import java.time.Instant;

/** OpenRouter's JSON shapes: the video generation response and the video model. */
final class OpenRouterWire {
  static final String BASE = "/openrouter/api/v1";
  /** Keyless, like signed URLs: what {@code urls} points at. */
  static final String DELIVERY = "/openrouter/delivery";

  private OpenRouterWire() {}

  static String status(JobView j) {
    return switch (j.status()) {
      case QUEUED -> "pending";
      case IN_PROGRESS -> "in_progress";
      case SUCCEEDED -> "completed";
      case FAILED, TIMED_OUT -> "failed";
      case CANCELLED -> "cancelled";
      case EXPIRED -> "expired";
    };
  }

  /**
   * {@code {id, polling_url, status, generation_id, usage?, urls?, unsigned_urls?, error?}};
   * beyond OpenRouter's fields, {@code model} (the aggregator's id) and {@code provider} (the
   * upstream that ran) say how the job was routed.
   */
  static ObjectNode video(JobView j, String server) {
    String status = status(j);
    ObjectNode o = Json.object().put("id", j.id())
        .put("polling_url", server + BASE + "/videos/" + j.id()).put("status", status)
        .put("generation_id", j.id());
    if (j.route() != null) {
      o.put("model", j.route().aggregatorModel()).put("provider", j.route().ran().provider());
    }
    if (j.status().isTerminal()) {
      o.putObject("usage").put("cost", j.charged().toUnits().stripTrailingZeros())
          .put("is_byok", false);
    }
    if (status.equals("completed")) {
      o.putArray("urls").add(server + DELIVERY + "/" + j.id() + "/0.mp4");
      o.putArray("unsigned_urls").add(server + BASE + "/videos/" + j.id() + "/content?index=0");
    }
    if (j.errorMessage() != null) o.put("error", j.errorMessage());
    return o;
  }

  /** A model as {@code GET /videos/models} lists it (every field the SDK's schema requires). */
  static ObjectNode model(Aggregators.Offer offer, Instant created) {
    ModelSpec m = offer.model();
    ObjectNode o = Json.object().put("id", offer.id()).put("canonical_slug", offer.id())
        .put("name", offer.id()).put("description", m.description())
        .put("created", created.getEpochSecond()).putNull("hugging_face_id");
    o.putArray("allowed_passthrough_parameters");
    o.putNull("creativity");
    o.put("generate_audio", true).put("seed", true);
    o.putNull("supported_aspect_ratios");
    ArrayNode durations = o.putArray("supported_durations");
    for (int s = m.minSeconds().intValue(); s <= m.maxSeconds().intValue(); s++) durations.add(s);
    o.set("supported_frame_images", Json.array().add("first_frame").add("last_frame"));
    ArrayNode resolutions = o.putArray("supported_resolutions");
    m.resolutions().forEach(r -> resolutions.add(OpenRouterInput.wireResolution(r)));
    o.putNull("supported_sizes");
    o.putNull("upscale_factor");
    o.set("pricing_skus", skus(m));
    ArrayNode providers = o.putArray("providers");
    offer.upstreams().forEach(u -> providers.add(u.provider()));
    return o;
  }

  /**
   * Prices as decimal strings, marked up: {@code per-video-second}, and one
   * {@code per-video-second-<resolution>} per resolution priced differently (the key names of
   * OpenRouter's docs example, read 2026-12 from a copy of its video-generation page). The SDK
   * 1.3.19 types the field as any string-to-string record ("Pricing SKUs with provider prefix
   * stripped, values as strings"), so it fixes no key names: beyond that example, unverified.
   */
  private static ObjectNode skus(ModelSpec m) {
    ObjectNode skus = Json.object();
    var p = m.pricing();
    String unit = p.unit() == PricingUnit.SECOND ? "per-video-second"
        : "per-" + p.unit().wireName();
    skus.put(unit, p.sold(p.price()).toString());
    for (PriceOverride ov : p.overrides()) {
      if (ov.resolution() != null && ov.mode() == null && ov.tier() == null) {
        skus.put(unit + "-" + ov.resolution(), p.sold(ov.price()).toString());
      }
    }
    return skus;
  }


}
