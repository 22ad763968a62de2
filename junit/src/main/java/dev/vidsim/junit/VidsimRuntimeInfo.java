package dev.vidsim.junit;

import dev.vidsim.checker.ClientLimits;
import dev.vidsim.checker.ClientLog;
import dev.vidsim.checker.InvariantChecker;
import dev.vidsim.checker.Report;
import dev.vidsim.engine.Simulator;
import dev.vidsim.testkit.VidsimAdmin;
import java.time.Duration;
import java.time.Instant;

/**
 * What a test gets from {@link VidsimExtension}: where the simulator listens, the test's own
 * tenant, an admin client, and control over the simulated clock.
 */
public final class VidsimRuntimeInfo {
  private final Simulator simulator;
  private final String baseUrl;
  private final VidsimAdmin admin;
  private final VidsimAdmin.Tenant tenant;
  private final ClientLimits clientLimits;
  private final boolean concurrent;
  private final String adminToken;

  VidsimRuntimeInfo(Simulator simulator, String baseUrl, VidsimAdmin admin,
                    VidsimAdmin.Tenant tenant, ClientLimits clientLimits, boolean concurrent,
                    String adminToken) {
    this.simulator = simulator;
    this.baseUrl = baseUrl;
    this.admin = admin;
    this.tenant = tenant;
    this.clientLimits = clientLimits;
    this.concurrent = concurrent;
    this.adminToken = adminToken;
  }

  /** e.g. {@code http://127.0.0.1:53127}: point your client here. */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * The base URL a provider's official SDK is given for one dialect: {@code "openai"} →
   * {@code …/openai/v1}, {@code "gemini"} → {@code …/gemini}, {@code "vertex"} →
   * {@code …/vertex}, {@code "vidsim"} → the base URL itself.
   */
  public String dialectBaseUrl(String dialect) {
    return baseUrl + dev.vidsim.testkit.DialectPaths.pathOf(dialect);
  }

  public String url(String path) {
    return baseUrl + (path.startsWith("/") ? path : "/" + path);
  }

  public int port() {
    return java.net.URI.create(baseUrl).getPort();
  }

  /** This test's own API key: no other test sees its balance or jobs. */
  public String apiKey() {
    return tenant.apiKey();
  }

  public VidsimAdmin.Tenant tenant() {
    return tenant;
  }

  /** Another fresh tenant, e.g. to test isolation or a second tier. */
  public VidsimAdmin.Tenant newTenant(String balance, String tier, String region) {
    return admin.createTenant(balance, tier, region);
  }

  /**
   * What your own calls to /_sim must send in header {@code X-Vidsim-Admin-Token}: null in
   * process, the container's token in container mode ({@link #admin()} sends it already).
   */
  public String adminToken() {
    return adminToken;
  }

  /** The admin API: faults, ledger, jobs, journal, scenario. */
  public VidsimAdmin admin() {
    return admin;
  }

  /** The in-process simulator, for engine-level assertions (none in container mode). */
  public Simulator simulator() {
    return VidsimExtension.requireInProcess(simulator);
  }

  /** Moves the simulated clock forward, running every job step due on the way. */
  public void advance(Duration by) {
    admin.advance(by);
  }

  public Instant now() {
    return Instant.parse(admin.clock().path("now").asText());
  }

  /** Checks the invariants now (provider checks; client checks too if limits were given). */
  public Report invariants() {
    return invariants(null);
  }

  /**
   * Same, with what the client reports about itself. While tests run concurrently on this
   * simulator, requests of different tests interleave, so only the ledger and job checks run.
   */
  public Report invariants(ClientLog clientLog) {
    InvariantChecker checker = concurrent ? InvariantChecker.standard().withoutRequestPairing()
        : InvariantChecker.standard();
    if (simulator == null) { // container mode: what the admin API shows
      return checker.check(InvariantChecker.collect(admin).clientLog(clientLog)
          .limits(clientLimits).build());
    }
    return checker.check(InvariantChecker.collect(simulator,
        b -> b.clientLog(clientLog).limits(clientLimits)));
  }
}
