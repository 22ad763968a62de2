package dev.vidsim.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.tck.reference.ReferenceClientFactory;
import org.junit.jupiter.api.Test;

/**
 * The TCK as PIT's test suite for the reference client ({@code -P mutation-client}): the same
 * action chains and invariants as {@link ReferenceClientContractTest}, from its pinned seed, run by
 * {@link ContractRunner} (no shrinking, stopping at the first broken invariant), since a mutant
 * only needs to be caught, not explained. Not a surefire test (its name does not end in Test): the
 * ordinary build runs the full property instead. {@code -Dvidsim.pit.tries=N} changes the tries.
 */
class ReferenceClientMutationSuite {
  static final int TRIES = Integer.getInteger("vidsim.pit.tries", 200);
  /** {@link ReferenceClientContractTest}'s pinned seed. */
  static final long SEED = 20261125L;

  @Test
  void the_reference_client_keeps_every_billing_and_retry_invariant() {
    ContractRunner.Failure f = ContractRunner.firstFailure(new ReferenceClientFactory(), TRIES,
        SEED);
    assertThat(f).as("the reference client: %s", f).isNull();
  }
}
