package dev.vidsim.dialect.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.errors.SimException;
import dev.vidsim.http.Json;
import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.jobs.IdScheme;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Veo {@code predictLongRunning} body, read strictly as Google reads it: an unknown name is
 * {@code INVALID_ARGUMENT} naming it. {@code durationSeconds} may be a number (what the SDKs
 * send) or a string of digits.
 */
final class VeoRequest {
  static final String STORAGE_URI = "storageUri";
  /** The request's webhookConfig metadata, echoed in its webhook event. */
  static final String USER_METADATA = "userMetadata";
  private static final Set<String> TOP = Set.of("instances", "parameters", "webhookConfig",
      "labels");
  private static final Set<String> INSTANCE = Set.of("prompt", "image", "lastFrame", "video",
      "referenceImages", "mask");
  private static final Set<String> PARAMETERS = Set.of("sampleCount", "durationSeconds",
      "aspectRatio", "resolution", "personGeneration", "negativePrompt", "enhancePrompt",
      "generateAudio", "seed", "storageUri", "fps", "compressionQuality", "resizeMode",
      "pubsubTopic");

  private VeoRequest() {}

  static CreateRequest parse(Context ctx, String dialect, String model, boolean webhooks) {
    ObjectNode body = Json.body(ctx, TOP);
    if (!webhooks && body.has("webhookConfig")) {
      throw SimException.invalid("webhookConfig", "webhookConfig parameter is not supported in"
          + " Gemini Enterprise Agent Platform (Vertex AI); it is a Gemini API feature");
    }
    JsonNode instances = body.path("instances");
    if (!instances.isArray() || instances.size() != 1 || !instances.get(0).isObject()) {
      throw SimException.invalid("instances", "expected exactly one instance object");
    }
    JsonNode instance = instances.get(0);
    known(instance, INSTANCE, "instances[0]");
    JsonNode params = body.path("parameters");
    if (!params.isMissingNode()) known(params, PARAMETERS, "parameters");
    if (params.has("sampleCount") && params.get("sampleCount").asInt(0) != 1) {
      throw SimException.invalid("parameters.sampleCount", "vidsim renders one sample per"
          + " operation: send 1 or leave it out");
    }
    List<String> images = new ArrayList<>();
    if (instance.has("image")) images.add("inline:" + instance.path("image").path("mimeType")
        .asText("image/png"));
    String prompt = instance.path("prompt").isTextual() ? instance.get("prompt").asText() : null;
    Map<String, String> kept = new java.util.HashMap<>();
    if (params.path(STORAGE_URI).isTextual()) kept.put(STORAGE_URI, params.get(STORAGE_URI)
        .asText());
    JsonNode config = body.path("webhookConfig");
    // proto-JSON takes both spellings; the Python SDK sends snake_case
    JsonNode metadata = config.has("userMetadata") ? config.get("userMetadata")
        : config.path("user_metadata");
    if (metadata.isObject()) kept.put(USER_METADATA, metadata.toString());
    return new CreateRequest(model, prompt, null, seconds(params.get("durationSeconds")),
        params.path("resolution").isTextual() ? params.get("resolution").asText() : null,
        images, webhookUrl(config), dialect, kept, IdScheme.prefixed(""));
  }

  private static String webhookUrl(JsonNode config) {
    if (config.isMissingNode() || config.isNull()) return null;
    JsonNode uris = config.path("uris");
    if (!uris.isArray() || uris.isEmpty() || !uris.get(0).isTextual()) {
      throw SimException.invalid("webhookConfig.uris", "expected a list with one URL");
    }
    return uris.get(0).asText();
  }

  private static BigDecimal seconds(JsonNode n) {
    if (n == null || n.isNull()) return null;
    if (n.isIntegralNumber()) return n.decimalValue();
    if (n.isTextual() && n.asText().matches("\\d{1,3}")) return new BigDecimal(n.asText());
    throw SimException.invalid("parameters.durationSeconds", "expected a whole number of"
        + " seconds such as 8, got " + n);
  }

  private static void known(JsonNode node, Set<String> names, String where) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!names.contains(name)) {
        throw SimException.invalid(where + "." + name, "Invalid JSON payload received. Unknown"
            + " name \"" + name + "\" at '" + where + "': Cannot find field.");
      }
    }
  }
}
