package dev.vidsim.client.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.client.JsonSupport;
import java.math.BigDecimal;
import java.util.List;

/** One entry of the live catalog ({@code GET /v1/models}). */
public record ModelInfo(String id, String description, List<String> modes,
                        List<String> resolutions, List<String> regions, List<String> tiers,
                        BigDecimal minSeconds, BigDecimal maxSeconds, BigDecimal defaultSeconds,
                        PriceSheet pricing) {
  public ModelInfo {
    modes = List.copyOf(modes);
    resolutions = List.copyOf(resolutions);
    regions = List.copyOf(regions);
    tiers = List.copyOf(tiers);
  }

  public static ModelInfo fromJson(JsonNode m) {
    return new ModelInfo(JsonSupport.text(m, "id"), JsonSupport.text(m, "description"),
        JsonSupport.strings(m, "modes"), JsonSupport.strings(m, "resolutions"),
        JsonSupport.strings(m, "regions"), JsonSupport.strings(m, "tiers"),
        JsonSupport.decimal(m, "minSeconds", BigDecimal.ONE),
        JsonSupport.decimal(m, "maxSeconds", BigDecimal.valueOf(3600)),
        JsonSupport.decimal(m, "defaultSeconds", BigDecimal.ONE),
        PriceSheet.fromJson(m.path("pricing")));
  }

  /** Null when this model can render the shape, else why not (for the fallback report). */
  public String whyNot(JobShape shape) {
    if (!modes.contains(shape.mode())) return id + " has no mode " + shape.mode();
    if (shape.resolution() != null && !resolutions.contains(shape.resolution())) {
      return id + " does not render " + shape.resolution();
    }
    BigDecimal s = seconds(shape);
    if (s.compareTo(minSeconds) < 0 || s.compareTo(maxSeconds) > 0) {
      return id + " renders " + minSeconds.toPlainString() + " to "
          + maxSeconds.toPlainString() + " s, not " + s.toPlainString();
    }
    if (shape.region() != null && !regions.contains(shape.region())) {
      return id + " does not run in " + shape.region();
    }
    return null;
  }

  public boolean supports(JobShape shape) {
    return whyNot(shape) == null;
  }

  /** The seconds this model would render for the shape. */
  public BigDecimal seconds(JobShape shape) {
    return shape.seconds() != null ? shape.seconds() : defaultSeconds;
  }

  public String resolution(JobShape shape) {
    return shape.resolution() != null ? shape.resolution() : resolutions.get(0);
  }
}
