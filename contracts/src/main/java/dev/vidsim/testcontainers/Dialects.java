package dev.vidsim.testcontainers;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeSet;

/** Where each provider dialect lives under the simulator's base URL (see providers.md). */
final class Dialects {
  private static final Map<String, String> BASE_PATHS = Map.of(
      "vidsim", "",
      "openai", "/openai/v1",
      "gemini", "/gemini/v1beta",
      "replicate", "/replicate/v1",
      "fal", "/fal",
      "runway", "/runway");

  private Dialects() {}

  static String pathOf(String dialect) {
    requireNonNull(dialect, "dialect");
    String path = BASE_PATHS.get(dialect);
    if (path == null) {
      throw new IllegalArgumentException("unknown dialect '" + dialect + "'; known: "
          + new TreeSet<>(BASE_PATHS.keySet()));
    }
    return path;
  }
}
