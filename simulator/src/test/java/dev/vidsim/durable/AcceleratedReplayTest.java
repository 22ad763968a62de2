package dev.vidsim.durable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.clock.ClockMode;
import dev.vidsim.engine.Commands;
import dev.vidsim.engine.Simulator;
import dev.vidsim.faults.Endpoint;
import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.jobs.JobStatus;
import dev.vidsim.jobs.JobView;
import dev.vidsim.scenario.ScenarioLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On an accelerated clock, what happened depends on when the wall clock was read: the log keeps
 * each reading, so a replay (in a process whose wall clock reads something else entirely) sees
 * the same times, and the clock goes on from where it stood, not counting the time it was down.
 */
class AcceleratedReplayTest {
  private static final ScenarioRecipe ACCELERATED = new ScenarioRecipe("default.yaml",
      ScenarioLoader.builtInDefaultText(), null, null, null, ClockMode.ACCELERATED, 60L);
  @TempDir
  Path dir;

  private static String journal(Simulator sim) {
    return sim.call(e -> e.journal().toJsonl());
  }

  private static Instant now(Simulator sim) {
    return sim.call(e -> e.clock().instant());
  }

  @Test
  void a_replay_sees_the_first_runs_wall_readings_and_the_clock_resumes_where_it_stood() {
    AtomicLong wall = new AtomicLong(5_000_000_000L);
    Durable first = Durable.open(dir, ACCELERATED, FsyncPolicy.ALWAYS, Durable.MAX_BYTES_DEFAULT,
        wall::get);
    Simulator sim = first.simulator();
    CreateRequest r = new CreateRequest("reel-1", "cat", null, BigDecimal.valueOf(6), null, null,
        null);
    sim.execute(new Commands.Admit("vidsim", Endpoint.CREATE, "sk-test-alice", "reel-1", null,
        null));
    JobView job = sim.execute(new Commands.Create("sk-test-alice", r, "k1", null));
    wall.addAndGet(TimeUnit.SECONDS.toNanos(3)); // 3 s of wall time: 3 min simulated at x60
    sim.execute(new Commands.Tick(1_000)); // what the ticker does every 10 ms
    assertThat(sim.call(e -> e.jobs().snapshot(job.id())).status())
        .isEqualTo(JobStatus.SUCCEEDED);
    String journal = journal(sim);
    Instant stoppedAt = now(sim);
    first.simulator().close(); // the ticker stops; the log is not closed: a crash

    wall.set(-77_000_000_000L); // another process: its wall clock has another origin
    Durable second = Durable.open(dir, ACCELERATED, FsyncPolicy.ALWAYS,
        Durable.MAX_BYTES_DEFAULT, wall::get);

    Simulator again = second.simulator();
    assertThat(journal(again)).isEqualTo(journal);
    assertThat(now(again)).isEqualTo(stoppedAt);
    wall.addAndGet(TimeUnit.SECONDS.toNanos(1));
    assertThat(now(again)).isEqualTo(stoppedAt.plusSeconds(60));
    second.close();
  }
}
