package dev.vidsim.tck.mutants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vidsim.tck.ContractRunner;
import dev.vidsim.tck.internal.SimHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The property suite must catch every mutant (with the invariant its bug breaks) and never the
 * reference client. Fixed seeds and bounded tries keep this under a minute or so.
 */
class MutantsTest {
  static final int TRIES_PER_MUTANT = 150;
  static final int TRIES_REFERENCE = 100;
  static final long SEED = 20261125L;

  static java.util.List<Mutants.Mutant> mutants() {
    return Mutants.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutants")
  void the_suite_finds_a_counterexample_for_the_mutant(Mutants.Mutant m) {
    assumeTrue(!m.caughtBy().startsWith("webhook") || SimHost.shared().hasWebhooks(),
        "this simulator build delivers no webhooks, so a webhook bug cannot show");
    ContractRunner.Failure f = ContractRunner.firstFailure(m.factory(), TRIES_PER_MUTANT, SEED);
    assertThat(f).as(m.name() + " survived " + TRIES_PER_MUTANT + " tries").isNotNull();
    System.out.println(m.name() + ": caught at " + f);
    // jqwik names the first broken invariant; some bugs break two rules at the same step
    assertThat(java.util.Arrays.stream(m.caughtBy().split("\\|"))
        .anyMatch(rule -> f.error().getMessage().contains("[" + rule + "]")))
        .as(m.name() + " caught by " + m.caughtBy() + ": " + f.error().getMessage()).isTrue();
  }

  @Test
  void the_suite_finds_no_counterexample_for_the_reference_client() {
    ContractRunner.Failure f = ContractRunner.firstFailure(Mutants.REFERENCE, TRIES_REFERENCE,
        SEED);
    assertThat(f).as("the reference client").isNull();
  }
}
