package dev.vidsim.tck.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.tck.ContractRunner;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The TCK's invariant suite against an integration built on the official OpenAI Java SDK: what
 * it finds is what README's "Point your SDK at vidsim" section reports.
 */
class OpenAiSdkContractTest {
  static final long SEED = 20261207L;

  @Test
  void the_suite_finds_that_the_sdks_unkeyed_retry_after_a_lost_response_pays_twice() {
    // the SDK's 8 s cap on a 429's Retry-After is the next test's finding; this one is about money
    ContractRunner.Failure f = ContractRunner.firstFailure(new OpenAiSdkClientFactory(false,
        Set.of("creates_use_idempotency_key", "waits_at_least_retry_after")), 60, SEED);
    assertThat(f).as("the SDK integration passed every invariant").isNotNull();
    System.out.println("OpenAI SDK integration: " + f);
    assertThat(f.error().getMessage()).contains("[lost_responses_settle_to_one_job]");
  }

  @Test
  void keyed_the_sdk_still_retries_a_429_sooner_than_its_retry_after_because_it_caps_waits_at_8s() {
    ContractRunner.Failure f = ContractRunner.firstFailure(
        new OpenAiSdkClientFactory(true, Set.of()), 60, SEED);
    assertThat(f).as("the keyed SDK integration passed every invariant").isNotNull();
    assertThat(f.error().getMessage()).contains("[waits_at_least_retry_after]")
        .contains("after 8000 ms but Retry-After asked for");
  }

  /**
   * The 8 s cap is the SDK's (a 429 is never charged), this thin adapter reads the catalog once
   * per start, and it bounds polls per await (its 30-minute deadline), not over a job's life (the
   * app's own status checks and a second thread awaiting the same generation poll on top, up to
   * 183 polls of one job at this seed where it promises 182); and it keeps no pending create
   * across a process restart, so a generation whose process died mid-create never learns of its
   * paid job (lost_responses_settle_to_one_job: the job is orphaned, not paid twice). Past those
   * four, every billing invariant holds once creates carry a key.
   */
  @Test
  void keyed_the_sdk_never_pays_twice_for_one_generation() {
    ContractRunner.Failure f = ContractRunner.firstFailure(new OpenAiSdkClientFactory(true,
        Set.of("waits_at_least_retry_after", "models_from_live_catalog", "polling_bounded",
            "lost_responses_settle_to_one_job")),
        60, SEED);
    assertThat(f).as(() -> "a money invariant broke, after these actions:\n"
        + String.join("\n", f.actions())).isNull();
  }
}
