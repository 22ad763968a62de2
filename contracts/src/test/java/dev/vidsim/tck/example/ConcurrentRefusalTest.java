package dev.vidsim.tck.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.tck.ClientFactory;
import dev.vidsim.tck.ContractRunner;
import dev.vidsim.tck.reference.ReferenceClientFactory;
import org.junit.jupiter.api.Test;

/**
 * A chain CI met at random (ContractRunner seed 1, try 32): two threads submit one generation;
 * one thread's create gets an injected 402, the other's makes the job. The adapters recorded the
 * generation as refused for good, so after the next restart they never resumed it, never learnt
 * that its job timed out and was refunded, and believed they had spent 1.50 more than the ledger.
 * A refusal counts only while the generation holds no job.
 */
class ConcurrentRefusalTest {
  private static final long SEED = 1;
  private static final int TRIES = 32;

  @Test
  void the_readme_example_awaits_a_generation_one_thread_was_refused() {
    assertThat(ContractRunner.firstFailure(new MyClientContractTest().clientFactory(), TRIES,
        SEED)).isNull();
  }

  @Test
  void the_reference_client_awaits_a_generation_one_thread_was_refused() {
    ClientFactory reference = new ReferenceClientFactory();
    assertThat(ContractRunner.firstFailure(reference, TRIES, SEED)).isNull();
  }
}
