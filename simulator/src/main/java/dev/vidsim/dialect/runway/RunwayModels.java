package dev.vidsim.dialect.runway;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The video models {@code @runwayml/sdk} 4.20.1 types for {@code /v1/image_to_video} and
 * {@code /v1/text_to_video}, and the rules its types give the ones vidsim checks strictly
 * (gen4.5, gen4_turbo, veo3.1, veo3.1_fast): ratios, durations, which fields are required and
 * which frame positions an image may take. The others are accepted with the common checks only;
 * whether a model exists at all is the scenario's catalog.
 */
final class RunwayModels {
  static final String TEXT = "text-to-video";
  static final String IMAGE = "image-to-video";

  /** Every model of the SDK's text_to_video union. */
  static final List<String> TEXT_MODELS = List.of("gen4.5", "veo3.1", "veo3.1_fast", "hailuo3",
      "happyhorse_1_0", "seedance2", "seedance2_fast", "seedance2_mini", "gemini_omni_flash",
      "seedance2_5", "grok_imagine_1_5", "wan3", "gemini_omni_flash_1.1", "wan3_prime",
      "h3_max");
  /** Every model of the SDK's image_to_video union: the text ones plus gen4_turbo. */
  static final List<String> IMAGE_MODELS = List.of("gen4.5", "gen4_turbo", "veo3.1",
      "veo3.1_fast", "hailuo3", "happyhorse_1_0", "seedance2", "seedance2_fast",
      "seedance2_mini", "gemini_omni_flash", "seedance2_5", "grok_imagine_1_5", "wan3",
      "gemini_omni_flash_1.1", "wan3_prime", "h3_max");

  /**
   * One model's rules on one endpoint.
   *
   * @param ratios          the ratio enum (required on every endpoint these models have)
   * @param durationMin     whole seconds allowed, with {@code durations} as an enum when set
   * @param durationDefault what an omitted duration renders; null: duration is required
   * @param promptRequired  whether promptText is required
   * @param positions       frame positions a promptImage array may name
   * @param fields          every body field the model takes on this endpoint
   */
  record Rules(Set<String> ratios, int durationMin, int durationMax, Set<Integer> durations,
               Integer durationDefault, boolean promptRequired, Set<String> positions,
               Set<String> fields) {}

  private static final Set<String> GEN_FIELDS = Set.of("model", "promptText", "ratio",
      "duration", "seed", "contentModeration", "outputFormat", "proresProfile", "promptImage");
  private static final Set<String> VEO_FIELDS = Set.of("model", "promptText", "ratio",
      "duration", "seed", "audio", "negativePrompt", "promptImage");
  private static final Set<String> VEO_RATIOS = Set.of("1280:720", "720:1280", "1080:1920",
      "1920:1080");
  private static final Set<String> GEN_IMAGE_RATIOS = Set.of("1280:720", "720:1280",
      "1104:832", "960:960", "832:1104", "1584:672");

  private static final Map<String, Rules> TEXT_RULES = Map.of(
      "gen4.5", new Rules(Set.of("1280:720", "720:1280"), 2, 10, null, null, true, Set.of(),
          without(GEN_FIELDS, "promptImage")),
      "veo3.1", veo(false, TEXT), "veo3.1_fast", veo(false, TEXT));
  private static final Map<String, Rules> IMAGE_RULES = Map.of(
      "gen4.5", new Rules(GEN_IMAGE_RATIOS, 2, 10, null, null, true, Set.of("first"),
          GEN_FIELDS),
      "gen4_turbo", new Rules(GEN_IMAGE_RATIOS, 2, 10, null, 10, false, Set.of("first"),
          without(GEN_FIELDS, "outputFormat", "proresProfile")),
      "veo3.1", veo(true, IMAGE), "veo3.1_fast", veo(true, IMAGE));

  private RunwayModels() {}

  static List<String> known(String mode) {
    return mode.equals(TEXT) ? TEXT_MODELS : IMAGE_MODELS;
  }

  /** The strict rules for this model on this endpoint, or null when only common checks run. */
  static Rules rules(String model, String mode) {
    return (mode.equals(TEXT) ? TEXT_RULES : IMAGE_RULES).get(model);
  }

  private static Rules veo(boolean image, String mode) {
    Set<String> fields = image ? VEO_FIELDS : without(VEO_FIELDS, "promptImage");
    return new Rules(VEO_RATIOS, 4, 8, Set.of(4, 6, 8), 8, mode.equals(TEXT),
        Set.of("first", "last"), fields);
  }

  private static Set<String> without(Set<String> all, String... removed) {
    java.util.Set<String> out = new java.util.HashSet<>(all);
    out.removeAll(List.of(removed));
    return Set.copyOf(out);
  }
}
