package dev.vidsim.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.tck.reference.ReferenceClientFactory;
import org.junit.jupiter.api.Test;

/** The reference client on ContractRunner seeds that once found bugs in it. */
class ReferenceClientSeedsTest {
  @Test
  void a_job_resumed_after_its_model_left_the_catalog_is_priced_as_the_provider_quoted_it() {
    // seed 7 failed at try 75: the resumed job was priced with the fallback model's quote
    // and failure policy (belief 0.40, ledger 0.00)
    ContractRunner.Failure f = ContractRunner.firstFailure(new ReferenceClientFactory(), 200, 7);

    assertThat(f).as("the reference client").isNull();
  }
}
