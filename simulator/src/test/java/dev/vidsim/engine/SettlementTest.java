package dev.vidsim.engine;

import dev.vidsim.jobs.JobView;

import static dev.vidsim.engine.TestScenarios.KEY;
import static dev.vidsim.engine.TestScenarios.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.clock.WallClock;
import dev.vidsim.ledger.LedgerEntry;
import dev.vidsim.money.Money;
import dev.vidsim.pricing.FailureKind;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every billing timing × every outcome, settled through the real engine and ledger. */
class SettlementTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        // model, outcome, ledger lines for an 8 s job (0.80), final cost
        Arguments.of("per-second", "succeeded", List.of("hold 0.80", "capture 0.80"), "0.80"),
        Arguments.of("per-second", "error", List.of("hold 0.80", "release 0.80"), "0.00"),
        Arguments.of("per-second", "timeout", List.of("hold 0.80", "capture 0.80"), "0.80"),
        Arguments.of("per-second", "cancel",
            List.of("hold 0.80", "capture 0.40", "release 0.40"), "0.40"),
        Arguments.of("on-create", "succeeded", List.of("charge 0.80"), "0.80"),
        Arguments.of("on-create", "error", List.of("charge 0.80", "refund 0.80"), "0.00"),
        Arguments.of("on-create", "timeout", List.of("charge 0.80"), "0.80"),
        Arguments.of("on-create", "cancel", List.of("charge 0.80", "refund 0.60"), "0.20"),
        Arguments.of("split", "succeeded",
            List.of("charge 0.01", "charge 0.20", "hold 0.60", "capture 0.60"), "0.81"),
        Arguments.of("split", "error",
            List.of("charge 0.01", "charge 0.20", "hold 0.60", "release 0.60", "refund 0.20"),
                "0.01"),
        Arguments.of("split", "timeout",
            List.of("charge 0.01", "charge 0.20", "hold 0.60", "capture 0.60"), "0.81"),
        Arguments.of("split", "cancel",
            List.of("charge 0.01", "charge 0.20", "hold 0.60", "release 0.60", "refund 0.12"),
                "0.09"),
        Arguments.of("task", "error", List.of("charge 0.05"), "0.05"),
        Arguments.of("task", "contentFilter", List.of("charge 0.05"), "0.05"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void each_outcome_settles_by_the_models_policy(String model, String outcome, List<String> lines,
                                                 String finalCost) {
    try (Simulator sim = new Simulator(TestScenarios.billing("seed: 1"), WallClock.SYSTEM)) {
      JobView job = sim.call(e -> e.jobs().create(KEY, request(model, 8), null));
      sim.run(e -> e.clock().advance(Duration.ofSeconds(3)));
      if (outcome.equals("cancel")) {
        sim.run(e -> e.jobs().cancel(KEY, job.id()));
      } else if (!outcome.equals("succeeded")) {
        sim.run(e -> e.jobs().fail(job.id(), FailureKind.parse(outcome), "injected"));
      }
      sim.run(e -> e.clock().advance(Duration.ofMinutes(5)));
      List<LedgerEntry> entries = sim.call(e -> e.ledger().entriesForJob(KEY, job.id()));
      assertThat(entries).extracting(x -> x.type().wireName() + " " + x.amount())
          .containsExactlyElementsOf(lines);
      Money spent = sim.call(e -> e.ledger().balance(KEY).spent());
      assertThat(spent).isEqualTo(Money.parse(finalCost));
      Money held = sim.call(e -> e.ledger().balance(KEY).held());
      assertThat(held).isEqualTo(Money.ZERO);
      Money charged = sim.call(e -> e.jobs().all().get(0).charged());
      assertThat(charged).isEqualTo(Money.parse(finalCost));
    }
  }
}
