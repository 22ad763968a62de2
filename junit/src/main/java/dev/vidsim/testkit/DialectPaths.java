package dev.vidsim.testkit;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeSet;

/**
 * Where each provider dialect the simulator serves lives under its base URL: what a provider's
 * SDK is given as its base URL (the same as {@code VidsimServer.dialectBaseUrl}).
 */
public final class DialectPaths {
  private static final Map<String, String> BASE_PATHS = Map.of(
      "vidsim", "",
      "openai", "/openai/v1",
      "gemini", "/gemini",
      "vertex", "/vertex",
      "replicate", "/replicate/v1",
      "fal", "/fal",
      "runway", "/runway",
      "openrouter", "/openrouter/api/v1");

  private DialectPaths() {}

  public static String pathOf(String dialect) {
    requireNonNull(dialect, "dialect");
    String path = BASE_PATHS.get(dialect);
    if (path == null) {
      throw new IllegalArgumentException("unknown dialect '" + dialect + "'; known: "
          + new TreeSet<>(BASE_PATHS.keySet()));
    }
    return path;
  }
}
