package dev.vidsim.junit;

import dev.vidsim.jobs.CreateRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.vidsim.money.Money;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs small example classes through the JUnit launcher and reads how they failed. */
class ExtensionFailuresTest {
  /** The examples run only when launched from here, never by the build on their own. */
  static volatile boolean launching;

  static boolean launching() {
    return launching;
  }

  private static TestExecutionSummary run(Class<?> example) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launching = true;
    try {
      LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
          .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
          .selectors(selectClass(example)).build(), listener);
    } finally {
      launching = false;
    }
    return listener.getSummary();
  }

  private static List<String> failures(TestExecutionSummary s) {
    return s.getFailures().stream().map(f -> f.getException().getMessage()).toList();
  }

  @VidsimTest
  @EnabledIf("dev.vidsim.junit.ExtensionFailuresTest#launching")
  static class BreaksTheLedger {
    @Test
    void charges_a_job_twice_behind_the_engines_back(VidsimRuntimeInfo vidsim) {
      vidsim.simulator().run(e -> {
        var job = e.jobs().create(vidsim.apiKey(), new dev.vidsim.jobs.CreateRequest(
            "clip-video", "cat", null, null, null, null, null), "k1");
        e.ledger().charge(vidsim.apiKey(), Money.parse("0.35"), job.id(), "k1", "twice",
            e.clock().instant());
      });
    }
  }

  @Test
  void a_test_that_breaks_an_invariant_fails_after_it_ran_with_the_violation() {
    TestExecutionSummary s = run(BreaksTheLedger.class);
    assertThat(s.getTestsFailedCount()).isEqualTo(1);
    assertThat(failures(s)).singleElement().asString()
        .contains("vidsim invariants broken by "
            + "charges_a_job_twice_behind_the_engines_back(VidsimRuntimeInfo)")
        .contains("[per_second_charge_within_quote] job vid_", "rule='twice'");
  }

  @VidsimTest(checkInvariants = false)
  @EnabledIf("dev.vidsim.junit.ExtensionFailuresTest#launching")
  static class UncheckedBreak extends BreaksTheLedger {}

  @Test
  void invariant_checking_can_be_switched_off() {
    assertThat(run(UncheckedBreak.class).getTestsSucceededCount()).isEqualTo(1);
  }

  @VidsimTest(scenario = "no/such/scenario.yaml")
  @EnabledIf("dev.vidsim.junit.ExtensionFailuresTest#launching")
  static class MissingScenario {
    @Test
    void never_runs() {}
  }

  @Test
  void a_missing_scenario_fails_the_class_naming_where_it_looked() {
    TestExecutionSummary s = run(MissingScenario.class);
    assertThat(failures(s)).singleElement().asString()
        .contains("scenario 'no/such/scenario.yaml' not found on the classpath nor at");
  }

  @VidsimTest
  @EnabledIf("dev.vidsim.junit.ExtensionFailuresTest#launching")
  static class InfoInBeforeAll {
    @org.junit.jupiter.api.BeforeAll
    static void tooEarly(VidsimRuntimeInfo vidsim) {}

    @Test
    void never_runs() {}
  }

  @Test
  void runtime_info_is_refused_outside_a_test_with_a_reason() {
    assertThat(failures(run(InfoInBeforeAll.class))).singleElement().asString()
        .contains("VidsimRuntimeInfo is per test");
  }

  @VidsimTest(tenantBalance = "1.00")
  @EnabledIf("dev.vidsim.junit.ExtensionFailuresTest#launching")
  @org.junit.jupiter.api.parallel.Execution(
      org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT)
  static class ConcurrentTenants {
    static final java.util.Set<String> KEYS =
        java.util.concurrent.ConcurrentHashMap.newKeySet();

    @org.junit.jupiter.api.RepeatedTest(6)
    void spends_its_own_money(VidsimRuntimeInfo vidsim) {
      KEYS.add(vidsim.apiKey());
      vidsim.simulator().run(e -> e.jobs().create(vidsim.apiKey(),
          new dev.vidsim.jobs.CreateRequest("clip-video", "cat", null, null, null, null,
              null), "k1"));
      String available = vidsim.admin().ledger(vidsim.apiKey()).path("balance")
          .path("available").asText();
      if (!available.equals("0.65")) throw new AssertionError("available " + available);
    }
  }

  @Test
  void concurrent_tests_share_one_simulator_without_reset_each_with_its_own_tenant() {
    TestExecutionSummary s = run(ConcurrentTenants.class);
    assertThat(failures(s)).isEmpty();
    assertThat(s.getTestsSucceededCount()).isEqualTo(6);
    assertThat(ConcurrentTenants.KEYS).hasSize(6);
  }
}
