package dev.vidsim.jobs;

import dev.vidsim.catalog.Catalog;
import dev.vidsim.catalog.ModelSpec;
import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.pricing.JobSpec;
import dev.vidsim.tenants.Tenant;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;

/** Checks a create request against the catalog; every failure names the field to fix. */
final class CreateValidation {
  static final int PROMPT_CHARS_MAX = 10_000;
  static final int IMAGES_MAX = 8;
  static final int KEY_CHARS_MAX = 255;

  private CreateValidation() {}

  static ModelSpec model(Catalog catalog, java.time.Instant now, Tenant t, String id) {
    if (id == null || id.isBlank()) {
      throw SimException.invalid("model",
          "required; list the models you may use");
    }
    String gone = catalog.whyGone(id, now);
    ModelSpec m = catalog.find(id, now).orElseThrow(() -> new SimException(
        ErrorCode.MODEL_NOT_FOUND, (gone != null ? gone : "model '" + id + "' does not exist")
        + "; available to you: " + catalog.visibleTo(t.tier(), t.region(), now).stream()
        .map(ModelSpec::id).toList(), Map.of("field", "model")));
    if (!m.allowsTier(t.tier())) {
      throw new SimException(ErrorCode.MODEL_NOT_AVAILABLE_FOR_TIER, "model '" + id
          + "' is not available on the " + t.tier() + " tier; it needs one of " + m.tiers(),
          Map.of("field", "model"));
    }
    if (!m.servesRegion(t.region())) {
      throw new SimException(ErrorCode.REGION_UNAVAILABLE, "model '" + id
          + "' is not served in region " + t.region() + "; it runs in " + m.regions(),
          Map.of("field", "model", "region", t.region()));
    }
    return m;
  }

  static JobSpec spec(Tenant t, ModelSpec m, CreateRequest req) {
    if (req.prompt() == null || req.prompt().isBlank()) {
      throw SimException.invalid("prompt", "required and must not be blank");
    }
    if (req.prompt().length() > PROMPT_CHARS_MAX) {
      throw SimException.invalid("prompt", "at most " + PROMPT_CHARS_MAX + " characters");
    }
    String mode = req.mode() != null ? req.mode()
        : req.images().isEmpty() ? ModelSpec.TEXT_TO_VIDEO : ModelSpec.IMAGE_TO_VIDEO;
    if (!m.modes().contains(mode)) {
      throw SimException.invalid("mode", "model " + m.id() + " supports " + m.modes()
          + ", not '" + mode + "'");
    }
    if (mode.equals(ModelSpec.IMAGE_TO_VIDEO) && req.images().isEmpty()) {
      throw SimException.invalid("image", "image-to-video needs an input image");
    }
    if (mode.equals(ModelSpec.TEXT_TO_VIDEO) && !req.images().isEmpty()) {
      throw SimException.invalid("image",
          "text-to-video takes no input image; use mode image-to-video");
    }
    if (req.images().size() > IMAGES_MAX) {
      throw SimException.invalid("images", "at most " + IMAGES_MAX + " input images");
    }
    BigDecimal seconds = req.seconds() != null ? req.seconds() : m.defaultSeconds();
    if (seconds.compareTo(m.minSeconds()) < 0 || seconds.compareTo(m.maxSeconds()) > 0) {
      throw SimException.invalid("seconds", "model " + m.id() + " renders "
          + m.minSeconds().toPlainString() + " to " + m.maxSeconds().toPlainString()
          + " seconds, got " + seconds.toPlainString());
    }
    String resolution = req.resolution() != null ? req.resolution() : m.defaultResolution();
    if (!m.resolutions().contains(resolution)) {
      throw SimException.invalid("resolution", "model " + m.id() + " renders "
          + m.resolutions() + ", not '" + resolution + "'");
    }
    return new JobSpec(mode, resolution, t.tier(), seconds, req.images().size());
  }

  static void key(String key) {
    if (key.isEmpty() || key.length() > KEY_CHARS_MAX || !key.chars().allMatch(c -> c > 32
        && c < 127)) {
      throw SimException.invalid("Idempotency-Key", "1 to " + KEY_CHARS_MAX
          + " printable ASCII characters without spaces");
    }
  }

  static SimException keyReused(String key) {
    return new SimException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '" + key
        + "' was first used with a different request body; use a new key for a new generation",
        Map.of("field", "Idempotency-Key"));
  }

  static SimException keyInFlight(String key) {
    return new SimException(ErrorCode.IDEMPOTENCY_IN_FLIGHT, "a request with Idempotency-Key '"
        + key + "' is still in progress; retry after it completes");
  }

  static JobStatus status(String text) {
    try {
      return JobStatus.parse(text);
    } catch (IllegalArgumentException e) {
      throw SimException.invalid("status", "expected one of " + Arrays.stream(JobStatus.values())
          .map(JobStatus::wireName).toList() + ", got '" + text + "'");
    }
  }
}
