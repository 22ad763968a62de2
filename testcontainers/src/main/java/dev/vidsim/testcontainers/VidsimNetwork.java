package dev.vidsim.testcontainers;

import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.testcontainers.DockerClientFactory;

/**
 * How a {@link VidsimContainer} is reached. Chosen by {@code withHostNetwork()} /
 * {@code withPortMapping()}, else by the environment variable
 * {@value #ENV} (or system property {@value #PROPERTY}): {@code host}, {@code mapped} or
 * {@code auto} (the default: host networking when the engine has no {@code bridge} network,
 * as on a daemon started with {@code --bridge=none}; port mapping otherwise).
 */
public enum VidsimNetwork {
  /** Container port 8080 published on a free host port (normal Docker). */
  MAPPED,
  /** {@code --network host}; the simulator binds 127.0.0.1 on a free port. */
  HOST;

  public static final String ENV = "VIDSIM_TESTCONTAINERS_NETWORK";
  public static final String PROPERTY = "vidsim.testcontainers.network";

  static VidsimNetwork fromEnvironment() {
    String value = System.getProperty(PROPERTY, System.getenv(ENV));
    return parse(value, VidsimNetwork::engineHasBridge);
  }

  static VidsimNetwork parse(String value, BooleanSupplier hasBridge) {
    String v = value == null || value.isBlank() ? "auto" : value.trim().toLowerCase(Locale.ROOT);
    switch (v) {
      case "host":
        return HOST;
      case "mapped":
      case "bridge":
        return MAPPED;
      case "auto":
        return hasBridge.getAsBoolean() ? MAPPED : HOST;
      default:
        throw new IllegalArgumentException(ENV + " (or -D" + PROPERTY + ") must be host, mapped"
            + " or auto, got '" + value + "'");
    }
  }

  private static boolean engineHasBridge() {
    return !DockerClientFactory.instance().client().listNetworksCmd()
        .withNameFilter("bridge").exec().stream()
        .filter(n -> "bridge".equals(n.getName())).findAny().isEmpty();
  }
}
