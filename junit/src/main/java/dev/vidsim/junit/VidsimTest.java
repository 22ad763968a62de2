package dev.vidsim.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against an in-process vidsim started once for the class on a free
 * loopback port. Each test gets a fresh tenant (its own API key and balance) through a
 * {@link VidsimRuntimeInfo} parameter, the simulator is reset before each test, and the billing
 * invariants are checked after each test.
 *
 * <pre>{@code @VidsimTest(scenario = "scenarios/pricing/unit-task.yaml", seed = 7)
 * class MyClientTest {
 *   @Test void charges_once(VidsimRuntimeInfo vidsim) { ... vidsim.baseUrl(), vidsim.apiKey() ... }
 * }}</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(VidsimExtension.class)
public @interface VidsimTest {
  /** Marks "no seed given": the scenario's own seed is used. */
  long SCENARIO_SEED = Long.MIN_VALUE;

  /**
   * A scenario file: a classpath resource, or a path relative to the working directory or one of
   * its parents (so "scenarios/x.yaml" works from a module). Empty: the built-in default.
   */
  String scenario() default "";

  /** Overrides the scenario's seed. */
  long seed() default SCENARIO_SEED;

  /**
   * Reset the simulator (clock, tenants, ledgers, jobs, journal) before each test. Skipped for
   * tests running concurrently, which stay isolated by their fresh tenants instead.
   */
  boolean resetEachTest() default true;

  /** Opening balance of each test's fresh tenant. */
  String tenantBalance() default "100.00";

  /** Tier of each test's fresh tenant; empty: the simulator's default. */
  String tenantTier() default "";

  /** Region of each test's fresh tenant; empty: the first region of the first model. */
  String tenantRegion() default "";

  /** After each test, fail it if the simulator's journal or ledger breaks an invariant. */
  boolean checkInvariants() default true;

  /**
   * Run the simulator in a Docker container (image {@code vidsim:<version>}, see
   * {@code VidsimContainer}) instead of in this JVM; the test sees it only over HTTP. The
   * environment variable {@value #MODE_ENV}{@code =container} (or system property
   * {@value #MODE_PROPERTY}) does the same for every class, e.g. to run a suite against the image.
   */
  boolean container() default false;

  String MODE_ENV = "VIDSIM_MODE";
  String MODE_PROPERTY = "vidsim.mode";
}
