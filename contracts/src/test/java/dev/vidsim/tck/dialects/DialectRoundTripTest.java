package dev.vidsim.tck.dialects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.client.wire.Dialect;
import dev.vidsim.money.Money;
import dev.vidsim.tck.ClientUnderTest;
import dev.vidsim.tck.Generation;
import dev.vidsim.tck.internal.World;
import dev.vidsim.tck.reference.ReferenceClientFactory;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One generation, start to end, through each dialect: the job the client holds is the one the
 * simulator made and charged, and every invariant holds, the client's belief about its spend
 * included (its price sheet prices the job as the provider charges it).
 */
class DialectRoundTripTest {
  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_generation_is_created_polled_to_success_and_costs_what_the_client_expects(Dialect d) {
    World w = new World(new ReferenceClientFactory().withDialect(d));
    try {
      // Runway names ratios, not resolutions: its model's default ratio
      Generation g = new Generation("g1", "a cat surfing", List.of(), "text-to-video",
          BigDecimal.valueOf(8), d == Dialect.RUNWAY ? null : "720p", null, false);
      w.client().submit(g);
      ClientUnderTest.Finished f = w.client().await("g1");
      assertThat(f.status()).isEqualTo("succeeded");
      assertThat(w.client().report().generations()).singleElement()
          .satisfies(r -> assertThat(r.jobIds()).containsExactly(f.jobId()));
      int jobs = w.host().simulator().call(e -> e.jobs().all().size());
      assertThat(jobs).as("jobs the simulator made").isEqualTo(1);
      // said here too, for the dialects that waive the reconciliation check (lost creates)
      Money charged = w.host().simulator().call(e -> e.jobs().all().get(0).charged());
      assertThat(w.client().report().believedSpent()).as("what the client believes it paid")
          .isEqualTo(charged).isNotEqualTo(Money.ZERO);
      w.check(true);
    } finally {
      w.close();
    }
  }
}
