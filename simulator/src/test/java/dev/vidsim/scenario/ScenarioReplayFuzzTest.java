package dev.vidsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.check.CheckResult;
import dev.vidsim.check.Checker;
import dev.vidsim.scenario.HostileScenarios.Doc;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * `vidsim check` on mutated scenarios that still load: odd but valid values (huge counts and
 * limits, zero-length durations, unicode names) replay to a pass or a located list of
 * mismatches, never an exception, in bounded time. Each replay starts a simulator, so fewer
 * tries than the loader's fuzz.
 */
class ScenarioReplayFuzzTest {
  static final long REPLAY_MILLIS_MAX = 20_000;
  private static final AtomicInteger PASSED = new AtomicInteger();
  private static final AtomicInteger MISMATCHED = new AtomicInteger();
  private static final AtomicInteger NOT_SCRIPTED = new AtomicInteger();

  @Property(tries = 150, seed = "20261207")
  void a_mutated_scenario_that_loads_replays_without_an_exception(
      @ForAll("loading") Scenario scenario) {
    long t0 = System.nanoTime();
    CheckResult r = Checker.run(scenario);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(millis).as("milliseconds to replay " + scenario.name())
        .isLessThan(REPLAY_MILLIS_MAX);
    if (r == null) {
      NOT_SCRIPTED.incrementAndGet();
    } else if (r.passed()) {
      PASSED.incrementAndGet();
    } else {
      MISMATCHED.incrementAndGet();
      assertThat(ScenarioFuzzTest.INTERNALS.matcher(r.report()).find())
          .as("internals in " + r.report()).isFalse();
    }
  }

  @Provide
  Arbitrary<Scenario> loading() {
    return HostileScenarios.mutated().map(ScenarioReplayFuzzTest::loadOrNull)
        .filter(s -> s != null);
  }

  private static Scenario loadOrNull(Doc doc) {
    try {
      return ScenarioLoader.parse(doc.name(), doc.text());
    } catch (ScenarioException e) {
      return null;
    }
  }

  @AfterContainer
  static void report() {
    System.out.println("scenario replay fuzz: " + PASSED.get() + " passed, " + MISMATCHED.get()
        + " mismatched, " + NOT_SCRIPTED.get() + " without script; 0 exceptions");
  }
}
