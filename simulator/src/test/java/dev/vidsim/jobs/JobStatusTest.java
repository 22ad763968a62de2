package dev.vidsim.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.money.Money;
import dev.vidsim.pricing.BillOn;
import dev.vidsim.pricing.JobSpec;
import dev.vidsim.pricing.PriceCalculator;
import dev.vidsim.pricing.Pricing;
import dev.vidsim.pricing.PricingUnit;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JobStatusTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Map<JobStatus, Set<JobStatus>> LEGAL = Map.of(
      JobStatus.QUEUED, EnumSet.of(JobStatus.IN_PROGRESS, JobStatus.FAILED, JobStatus.TIMED_OUT,
          JobStatus.CANCELLED, JobStatus.EXPIRED),
      JobStatus.IN_PROGRESS, EnumSet.of(JobStatus.SUCCEEDED, JobStatus.FAILED,
          JobStatus.TIMED_OUT, JobStatus.CANCELLED, JobStatus.EXPIRED),
      JobStatus.SUCCEEDED, EnumSet.of(JobStatus.EXPIRED));

  static Stream<Arguments> everyPair() {
    return Stream.of(JobStatus.values()).flatMap(from -> Stream.of(JobStatus.values())
        .map(to -> Arguments.of(from, to)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("everyPair")
  void only_the_documented_transitions_are_legal(JobStatus from, JobStatus to) {
    boolean legal = LEGAL.getOrDefault(from, Set.of()).contains(to);
    Job job = jobIn(from);
    if (legal) {
      job.moveTo(to, T0, "test");
      assertThat(job.status()).isEqualTo(to);
    } else {
      assertThatThrownBy(() -> job.moveTo(to, T0, "test"))
          .isInstanceOf(IllegalTransitionException.class)
          .hasMessageContaining("cannot move from " + from.wireName() + " to " + to.wireName());
      assertThat(job.status()).isEqualTo(from);
    }
  }

  @Test
  void terminal_jobs_record_their_completion_and_history() {
    Job job = jobIn(JobStatus.SUCCEEDED);
    assertThat(job.completedAt()).isEqualTo(T0);
    assertThat(job.history()).extracting(Transition::to)
        .containsExactly(JobStatus.IN_PROGRESS, JobStatus.SUCCEEDED);
  }

  @Test
  void progress_is_derived_from_the_clock() {
    Job job = newJob();
    job.planRender(T0.plusSeconds(10), T0.plusSeconds(110));
    assertThat(job.progress(T0.plusSeconds(60))).isZero();
    job.moveTo(JobStatus.IN_PROGRESS, T0.plusSeconds(10), "start");
    assertThat(job.progress(T0.plusSeconds(60))).isEqualTo(50);
    assertThat(job.progress(T0.plusSeconds(500))).isEqualTo(99);
    job.moveTo(JobStatus.SUCCEEDED, T0.plusSeconds(110), "done");
    assertThat(job.progress(T0.plusSeconds(110))).isEqualTo(100);
  }

  /** Builds a job and walks it along legal moves to {@code target}. */
  private static Job jobIn(JobStatus target) {
    Job job = newJob();
    List<JobStatus> path = switch (target) {
      case QUEUED -> List.of();
      case IN_PROGRESS -> List.of(JobStatus.IN_PROGRESS);
      case SUCCEEDED -> List.of(JobStatus.IN_PROGRESS, JobStatus.SUCCEEDED);
      case EXPIRED -> List.of(JobStatus.IN_PROGRESS, JobStatus.SUCCEEDED, JobStatus.EXPIRED);
      default -> List.of(JobStatus.IN_PROGRESS, target);
    };
    path.forEach(s -> job.moveTo(s, T0, "setup"));
    return job;
  }

  private static Job newJob() {
    Pricing p = Pricing.simple(PricingUnit.SECOND, Money.parse("0.10"), BillOn.DELIVERY);
    JobSpec spec = new JobSpec("text-to-video", "720p", "free", BigDecimal.valueOf(8), 0);
    return new Job("vid_1", "sk", "m", "us-east", "cat", spec, PriceCalculator.quote(p, spec), p,
        null, null, T0);
  }
}
