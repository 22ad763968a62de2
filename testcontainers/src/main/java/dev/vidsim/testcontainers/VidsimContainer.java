package dev.vidsim.testcontainers;

import static java.util.Objects.requireNonNull;

import dev.vidsim.testkit.VidsimAdmin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The vidsim simulator in a container, for tests that use Testcontainers.
 *
 * <pre>{@code
 * @Container
 * static VidsimContainer vidsim = new VidsimContainer().withScenario(Path.of("scenarios/x.yaml"));
 * ... vidsim.getBaseUrl(), vidsim.getAdminClient().advance(Duration.ofMinutes(3))
 * }</pre>
 *
 * <p>Networking: by default the container port 8080 is mapped to a free host port. On engines
 * without a bridge network (such as CI hosts that allow loopback only) it runs with host
 * networking and binds 127.0.0.1 on a free port instead; see {@link VidsimNetwork}.
 */
public class VidsimContainer extends GenericContainer<VidsimContainer> {
  public static final DockerImageName DEFAULT_IMAGE = DockerImageName.parse("vidsim");
  public static final int PORT = 8080;
  private static final String SCENARIO_DIR = "/scenarios/";
  /** Where a data directory is mounted in the container. */
  public static final String DATA_DIR = "/data";
  private static final Set<String> CLOCKS = Set.of("virtual", "real", "accelerated");
  private static final SecureRandom TOKENS = new SecureRandom();

  private VidsimNetwork network;
  private String scenarioPath;
  private Long seed;
  private String clock;
  private String adminToken;
  private int hostPort;
  private boolean durable;

  /** On {@link #defaultImage()}. */
  public VidsimContainer() {
    this(defaultImage());
  }

  public VidsimContainer(String image) {
    this(DockerImageName.parse(image));
  }

  public VidsimContainer(DockerImageName image) {
    super(image);
    image.assertCompatibleWith(DEFAULT_IMAGE);
    withStartupCheckStrategy(new NoStartupCheck());
    waitingFor(new HealthWaitStrategy(this::getBaseUrl));
  }

  /** {@code vidsim:<this library's version>}: the image built from the same sources. */
  public static DockerImageName defaultImage() {
    return DEFAULT_IMAGE.withTag(VidsimVersion.get());
  }

  /** Serves this scenario file (copied to /scenarios/ in the container) instead of the default. */
  public VidsimContainer withScenario(Path scenarioFile) {
    requireNonNull(scenarioFile, "scenarioFile");
    if (!Files.isRegularFile(scenarioFile)) {
      throw new IllegalArgumentException("scenario file not found: "
          + scenarioFile.toAbsolutePath());
    }
    scenarioPath = SCENARIO_DIR + scenarioFile.getFileName();
    withCopyFileToContainer(MountableFile.forHostPath(scenarioFile, 0644), scenarioPath);
    return self();
  }

  /** Serves this classpath resource (e.g. {@code "scenarios/x.yaml"} under src/test/resources). */
  public VidsimContainer withScenarioResource(String resource) {
    requireNonNull(resource, "resource");
    String name = resource.substring(resource.lastIndexOf('/') + 1);
    if (name.isEmpty() || Thread.currentThread().getContextClassLoader()
        .getResource(resource.startsWith("/") ? resource.substring(1) : resource) == null) {
      throw new IllegalArgumentException("scenario resource not found on the classpath: "
          + resource);
    }
    scenarioPath = SCENARIO_DIR + name;
    withCopyFileToContainer(MountableFile.forClasspathResource(resource, 0644), scenarioPath);
    return self();
  }

  /** Overrides the scenario's seed. */
  public VidsimContainer withSeed(long seed) {
    this.seed = seed;
    return self();
  }

  /** {@code virtual} (moves only through the admin API), {@code real} or {@code accelerated}. */
  public VidsimContainer withClock(String clock) {
    requireNonNull(clock, "clock");
    if (!CLOCKS.contains(clock)) {
      throw new IllegalArgumentException("clock must be one of " + CLOCKS + ", got '" + clock
          + "'");
    }
    this.clock = clock;
    return self();
  }

  /** The admin token; without one, a random token is generated at start. */
  public VidsimContainer withAdminToken(String adminToken) {
    requireNonNull(adminToken, "adminToken");
    if (adminToken.isBlank()) throw new IllegalArgumentException("adminToken must not be blank");
    this.adminToken = adminToken;
    return self();
  }

  /**
   * Keeps the simulator's state in {@code hostDir} ({@code serve --data-dir}, mounted at
   * {@value #DATA_DIR}): a container started again on the same directory, after a crash or a
   * {@code stop()}, has the ledgers, jobs, idempotency keys, journal and clock it had. The image
   * runs as uid 65534, so the directory is made writable for everyone if it is not yet.
   */
  public VidsimContainer withDataDir(Path hostDir) {
    requireNonNull(hostDir, "hostDir");
    try {
      Files.createDirectories(hostDir);
      Files.setPosixFilePermissions(hostDir, java.nio.file.attribute.PosixFilePermissions
          .fromString("rwxrwxrwx"));
    } catch (java.io.IOException | UnsupportedOperationException e) {
      throw new IllegalArgumentException("cannot prepare the data directory " + hostDir + ": "
          + e.getMessage(), e);
    }
    withFileSystemBind(hostDir.toAbsolutePath().toString(), DATA_DIR,
        org.testcontainers.containers.BindMode.READ_WRITE);
    this.durable = true;
    return self();
  }

  /** Host networking: binds 127.0.0.1 on a free host port; no port mapping, no bridge needed. */
  public VidsimContainer withHostNetwork() {
    this.network = VidsimNetwork.HOST;
    return self();
  }

  /** Port mapping (container 8080 to a free host port), whatever the environment says. */
  public VidsimContainer withPortMapping() {
    this.network = VidsimNetwork.MAPPED;
    return self();
  }

  @Override
  protected void configure() {
    if (adminToken == null) adminToken = newToken();
    VidsimNetwork mode = network != null ? network : VidsimNetwork.fromEnvironment();
    List<String> command = new ArrayList<>(List.of("serve"));
    if (mode == VidsimNetwork.HOST) {
      // the host's ports are shared with everything on it: take a free one now, bind loopback only
      hostPort = FreePort.onLoopback();
      withNetworkMode("host");
      setExposedPorts(List.of());
      command.addAll(List.of("--bind", "127.0.0.1", "--port", String.valueOf(hostPort)));
      withEnv("VIDSIM_PORT", String.valueOf(hostPort));
    } else {
      hostPort = 0;
      setExposedPorts(List.of(PORT));
      command.addAll(List.of("--bind", "0.0.0.0", "--port", String.valueOf(PORT)));
      withEnv("VIDSIM_PORT", String.valueOf(PORT));
    }
    if (scenarioPath != null) command.addAll(List.of("--scenario", scenarioPath));
    if (durable) command.addAll(List.of("--data-dir", DATA_DIR));
    if (seed != null) command.addAll(List.of("--seed", String.valueOf(seed)));
    // tests move time themselves; serve would otherwise run the default scenario accelerated
    command.addAll(List.of("--clock", clock != null ? clock : "virtual"));
    withEnv("VIDSIM_ADMIN_TOKEN", adminToken);
    setCommand(command.toArray(String[]::new));
  }

  private static String newToken() {
    byte[] bytes = new byte[16];
    TOKENS.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Whether this container runs with host networking (known at start unless forced). */
  public boolean isHostNetwork() {
    return network == VidsimNetwork.HOST || "host".equals(getNetworkMode());
  }

  /** {@code http://host:port} of the running simulator, without a trailing slash. */
  public String getBaseUrl() {
    if (isHostNetwork()) return "http://127.0.0.1:" + hostPort;
    return "http://" + getHost() + ":" + getMappedPort(PORT);
  }

  /** The port to connect to from the test (the mapped port, or the host-network port). */
  public int getPort() {
    return isHostNetwork() ? hostPort : getMappedPort(PORT);
  }

  /** {@code getBaseUrl() + path}; path starts with a slash. */
  public String getUrl(String path) {
    requireNonNull(path, "path");
    return getBaseUrl() + (path.startsWith("/") ? path : "/" + path);
  }

  /**
   * The base URL a provider's SDK should use for a dialect, e.g. {@code dialectBaseUrl("openai")}
   * is {@code getBaseUrl() + "/openai/v1"}.
   */
  public String dialectBaseUrl(String dialect) {
    return getBaseUrl() + dev.vidsim.testkit.DialectPaths.pathOf(dialect);
  }

  /** The token the admin API (/_sim) expects in header X-Vidsim-Admin-Token. */
  public String getAdminToken() {
    return adminToken;
  }

  /** A client for the admin API (clock, tenants, ledger, journal) that sends the admin token. */
  public VidsimAdmin getAdminClient() {
    return new VidsimAdmin(getBaseUrl(), adminToken);
  }
}
