package dev.vidsim.junit;

import dev.vidsim.checker.ClientLimits;
import dev.vidsim.checker.Report;
import dev.vidsim.scenario.Scenario;
import dev.vidsim.testkit.VidsimAdmin;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts an in-process vidsim for a test class (or, registered on an instance field, for each
 * test), hands each test a fresh tenant as a {@link VidsimRuntimeInfo} parameter, resets between
 * tests and checks the billing invariants after each one. Use {@link VidsimTest}, or:
 *
 * <pre>{@code @RegisterExtension
 * static VidsimExtension vidsim = VidsimExtension.newInstance().scenario("x.yaml").build();}</pre>
 *
 * <p>Callbacks are final; subclasses hook in with {@link #onBeforeEach} and {@link #onAfterEach}.
 */
public class VidsimExtension implements BeforeAllCallback, BeforeEachCallback,
    AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(VidsimExtension.class);
  private static final String SERVER = "server";
  private static final String INFO = "info";
  private static final String METHOD_SCENARIO = "methodScenario";
  private final Settings configured;
  private final boolean configuredContainer;
  private volatile RunningSimulator running;

  /** Used by {@link VidsimTest}: settings come from the annotation. */
  public VidsimExtension() {
    this(null);
  }

  protected VidsimExtension(Builder builder) {
    this.configured = builder == null ? null : builder.settings;
    this.configuredContainer = builder != null && builder.container;
  }

  public static Builder newInstance() {
    return new Builder();
  }

  /** Base URL of the running simulator (for a static field: the class's one). */
  public String baseUrl() {
    return requireRunning().baseUrl();
  }

  public VidsimAdmin admin() {
    return requireRunning().admin;
  }

  /** The in-process simulator; in container mode there is none (use {@link #admin()}). */
  public dev.vidsim.engine.Simulator simulator() {
    return requireInProcess(requireRunning().simulator());
  }

  static dev.vidsim.engine.Simulator requireInProcess(dev.vidsim.engine.Simulator s) {
    if (s == null) {
      throw new IllegalStateException("the simulator runs in a container: reach it over HTTP"
          + " (baseUrl(), admin()); simulator() is for in-process mode only");
    }
    return s;
  }

  private RunningSimulator requireRunning() {
    RunningSimulator r = running;
    if (r == null) {
      throw new IllegalStateException("the simulator is not running: it starts before the "
          + "first test (beforeAll for a static field, beforeEach for an instance field)");
    }
    return r;
  }

  @Override
  public final void beforeAll(ExtensionContext context) {
    running = start(context, settings(context), container(context));
  }

  @Override
  public final void beforeEach(ExtensionContext context) {
    Settings s = settings(context);
    RunningSimulator r = start(context, s, container(context));
    running = r;
    boolean concurrent = context.getExecutionMode() == ExecutionMode.CONCURRENT;
    Optional<VidsimScenario> perMethod = context.getTestMethod()
        .flatMap(m -> AnnotationSupport.findAnnotation(m, VidsimScenario.class));
    if (perMethod.isPresent()) {
      if (concurrent) {
        throw new ExtensionConfigurationException("@VidsimScenario on "
            + context.getDisplayName() + " needs the simulator to itself; run the class in "
            + "ExecutionMode.SAME_THREAD or give it its own @VidsimTest class");
      }
      Scenario m = ScenarioFiles.load(perMethod.get().value(), perMethod.get().seed());
      r.load(m);
      context.getStore(NS).put(METHOD_SCENARIO, m);
    } else if (s.resetEachTest() && !concurrent) {
      r.reset();
    }
    VidsimAdmin.Tenant tenant = r.admin.createTenant(s.tenantBalance(), s.tenantTier(),
        s.tenantRegion());
    VidsimRuntimeInfo info = new VidsimRuntimeInfo(r.simulator(), r.baseUrl(), r.admin,
        tenant, s.clientLimits(), concurrent, r.adminToken());
    context.getStore(NS).put(INFO, info);
    onBeforeEach(info);
  }

  @Override
  public final void afterEach(ExtensionContext context) {
    VidsimRuntimeInfo info = context.getStore(NS).get(INFO, VidsimRuntimeInfo.class);
    if (info == null) return;
    onAfterEach(info);
    RunningSimulator r = context.getStore(NS).get(SERVER, RunningSimulator.class);
    boolean checked = settings(context).checkInvariants()
        && context.getExecutionException().isEmpty();
    Report report = checked ? info.invariants() : null;
    if (context.getStore(NS).get(METHOD_SCENARIO) != null) r.reset();
    if (report != null && !report.isOk()) {
      throw new AssertionError("vidsim invariants broken by " + context.getDisplayName()
          + ": " + report.summary());
    }
  }

  /** Called after the test's tenant exists, before the test and its @BeforeEach methods. */
  protected void onBeforeEach(VidsimRuntimeInfo info) {}

  /** Called after the test, before the invariants are checked. */
  protected void onAfterEach(VidsimRuntimeInfo info) {}

  /** Reuses the simulator of this context or an enclosing one, else starts one here. */
  private static RunningSimulator start(ExtensionContext context, Settings s, boolean container) {
    RunningSimulator r = context.getStore(NS).get(SERVER, RunningSimulator.class);
    if (r != null) return r;
    RunningSimulator started = container ? ContainerMode.start(s)
        : InProcessSimulator.start(s.load());
    context.getStore(NS).put(SERVER, started);
    return started;
  }

  private Settings settings(ExtensionContext context) {
    if (configured != null) return configured;
    return context.getTestClass()
        .flatMap(c -> findOnClassOrEnclosing(c))
        .map(Settings::of).orElse(Settings.defaults());
  }

  /** Container mode: from the builder or annotation, or for everything from the environment. */
  private boolean container(ExtensionContext context) {
    String mode = System.getProperty(VidsimTest.MODE_PROPERTY, System.getenv(VidsimTest.MODE_ENV));
    if ("container".equals(mode)) return true;
    if (mode != null && !mode.isEmpty() && !"in-process".equals(mode)) {
      throw new ExtensionConfigurationException(VidsimTest.MODE_ENV + " must be container or"
          + " in-process, got '" + mode + "'");
    }
    if (configured != null) return configuredContainer;
    return context.getTestClass().flatMap(VidsimExtension::findOnClassOrEnclosing)
        .map(VidsimTest::container).orElse(false);
  }

  private static Optional<VidsimTest> findOnClassOrEnclosing(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      Optional<VidsimTest> a = AnnotationSupport.findAnnotation(k, VidsimTest.class);
      if (a.isPresent()) return a;
    }
    return Optional.empty();
  }

  @Override
  public final boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == VidsimRuntimeInfo.class;
  }

  @Override
  public final Object resolveParameter(ParameterContext p, ExtensionContext e) {
    VidsimRuntimeInfo info = e.getStore(NS).get(INFO, VidsimRuntimeInfo.class);
    if (info == null) {
      throw new ParameterResolutionException("VidsimRuntimeInfo is per test: take it in a @Test"
          + " or @BeforeEach method, not in " + e.getDisplayName());
    }
    return info;
  }

  /** Configures an extension for {@code @RegisterExtension}. */
  public static class Builder {
    private Settings settings = Settings.defaults();
    private boolean container;

    protected Builder() {}

    /** Same lookup as {@link VidsimTest#scenario()}. */
    public Builder scenario(String name) {
      settings = with(Objects.requireNonNull(name), null);
      return this;
    }

    public Builder scenario(Scenario scenario) {
      settings = with("", Objects.requireNonNull(scenario));
      return this;
    }

    private Settings with(String name, Scenario sc) {
      Settings s = settings;
      return new Settings(name, sc, s.seed(), s.resetEachTest(), s.tenantBalance(),
          s.tenantTier(), s.tenantRegion(), s.checkInvariants(), s.clientLimits());
    }

    public Builder seed(long seed) {
      Settings s = settings;
      settings = new Settings(s.scenarioName(), s.scenario(), seed, s.resetEachTest(),
          s.tenantBalance(), s.tenantTier(), s.tenantRegion(), s.checkInvariants(),
          s.clientLimits());
      return this;
    }

    public Builder resetEachTest(boolean reset) {
      Settings s = settings;
      settings = new Settings(s.scenarioName(), s.scenario(), s.seed(), reset,
          s.tenantBalance(), s.tenantTier(), s.tenantRegion(), s.checkInvariants(),
          s.clientLimits());
      return this;
    }

    /** Balance, tier and region of each test's fresh tenant (null: the defaults). */
    public Builder tenant(String balance, String tier, String region) {
      Settings s = settings;
      settings = new Settings(s.scenarioName(), s.scenario(), s.seed(), s.resetEachTest(),
          Objects.requireNonNull(balance), tier, region, s.checkInvariants(), s.clientLimits());
      return this;
    }

    public Builder checkInvariants(boolean check) {
      Settings s = settings;
      settings = new Settings(s.scenarioName(), s.scenario(), s.seed(), s.resetEachTest(),
          s.tenantBalance(), s.tenantTier(), s.tenantRegion(), check, s.clientLimits());
      return this;
    }

    /** Also hold the client to these limits in the after-each invariant check. */
    public Builder clientLimits(ClientLimits limits) {
      Settings s = settings;
      settings = new Settings(s.scenarioName(), s.scenario(), s.seed(), s.resetEachTest(),
          s.tenantBalance(), s.tenantTier(), s.tenantRegion(), s.checkInvariants(), limits);
      return this;
    }

    /** Run the simulator in a Docker container; see {@link VidsimTest#container()}. */
    public Builder container(boolean inContainer) {
      this.container = inContainer;
      return this;
    }

    Settings settings() {
      return settings;
    }

    public VidsimExtension build() {
      return new VidsimExtension(this);
    }
  }
}
