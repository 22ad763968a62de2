package dev.vidsim.engine;

import static dev.vidsim.engine.TestScenarios.KEY;
import static dev.vidsim.engine.TestScenarios.refused;
import static dev.vidsim.engine.TestScenarios.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.jobs.JobView;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A delivered video by its keyless URL (only while the job succeeded and is neither deleted nor
 * expired), and what a delete does to a running job and to a finished one.
 */
class DeleteAndDeliverTest {
  private final Simulator sim = new Simulator(TestScenarios.billing("seed: 1"));

  @AfterEach
  void close() {
    sim.close();
  }

  private JobView create() {
    return sim.call(e -> e.jobs().create(KEY, request("per-second", 8), null));
  }

  @Test
  void a_video_is_served_only_while_its_job_succeeded_and_is_neither_expired_nor_deleted() {
    JobView job = create();
    SimException queued = refused(() -> sim.call(e -> e.jobs().delivered(job.id())));
    assertThat(queued.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(queued.getMessage()).contains(job.id()).doesNotContain("expired");
    sim.run(e -> e.clock().advance(Duration.ofMinutes(2)));
    JobView served = sim.call(e -> e.jobs().delivered(job.id()));
    assertThat(served.id()).isEqualTo(job.id());
    assertThat(served.status().wireName()).isEqualTo("succeeded");
    sim.run(e -> e.clock().advance(Duration.ofHours(1)));
    SimException expired = refused(() -> sim.call(e -> e.jobs().delivered(job.id())));
    assertThat(expired.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(expired.getMessage()).contains("its content expired");

    JobView other = create();
    sim.run(e -> e.clock().advance(Duration.ofMinutes(2)));
    sim.call(e -> e.jobs().delete(KEY, other.id()));
    assertThat(refused(() -> sim.call(e -> e.jobs().delivered(other.id()))).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(refused(() -> sim.call(e -> e.jobs().delivered("vid_none"))).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void deleting_a_running_job_cancels_it_first_and_a_finished_one_keeps_its_outcome() {
    JobView running = create();
    sim.run(e -> e.clock().advance(Duration.ofSeconds(10)));
    JobView deleted = sim.call(e -> e.jobs().delete(KEY, running.id()));
    assertThat(deleted.status().wireName()).as("cancelled by the delete").isEqualTo("cancelled");
    assertThat(refused(() -> sim.call(e -> e.jobs().get(KEY, running.id()))).code())
        .as("gone from gets").isEqualTo(ErrorCode.NOT_FOUND);

    JobView finished = create();
    sim.run(e -> e.clock().advance(Duration.ofMinutes(2)));
    JobView kept = sim.call(e -> e.jobs().delete(KEY, finished.id()));
    assertThat(kept.status().wireName()).isEqualTo("succeeded");
    assertThat(kept.charged().toString()).as("a delivered job keeps its charge")
        .isEqualTo("0.80");
  }
}
