package dev.vidsim.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SimClockTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void virtual_time_moves_only_when_advanced_and_runs_due_tasks_at_their_instant() {
    SimClock clock = SimClock.virtual(T0);
    List<String> seen = new ArrayList<>();
    clock.schedule(T0.plusSeconds(30), () -> seen.add("b@" + clock.instant()));
    clock.schedule(T0.plusSeconds(10), () -> seen.add("a@" + clock.instant()));
    clock.schedule(T0.plusSeconds(600), () -> seen.add("c"));
    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(clock.advance(Duration.ofMinutes(1))).isEqualTo(2);
    assertThat(seen).containsExactly("a@2026-01-01T00:00:10Z", "b@2026-01-01T00:00:30Z");
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(60));
    assertThat(clock.pendingTasks()).isEqualTo(1);
  }

  @Test
  void ten_minute_timeouts_take_no_real_time() {
    SimClock clock = SimClock.virtual(T0);
    boolean[] fired = {false};
    clock.scheduleAfter(Duration.ofMinutes(10), () -> fired[0] = true);
    clock.advance(Duration.ofMinutes(10));
    assertThat(fired[0]).isTrue();
  }

  @Test
  void tasks_due_at_the_same_instant_run_in_scheduling_order_and_may_schedule_more() {
    SimClock clock = SimClock.virtual(T0);
    List<String> seen = new ArrayList<>();
    clock.schedule(T0.plusSeconds(5), () -> {
      seen.add("first");
      clock.scheduleAfter(Duration.ofSeconds(1), () -> seen.add("chained"));
    });
    clock.schedule(T0.plusSeconds(5), () -> seen.add("second"));
    clock.advance(Duration.ofSeconds(10));
    assertThat(seen).containsExactly("first", "second", "chained");
  }

  @Test
  void cancelled_tasks_do_not_run() {
    SimClock clock = SimClock.virtual(T0);
    boolean[] fired = {false};
    clock.scheduleAfter(Duration.ofSeconds(1), () -> fired[0] = true).cancel();
    clock.advance(Duration.ofSeconds(2));
    assertThat(fired[0]).isFalse();
  }

  @Test
  void time_never_runs_backwards() {
    SimClock clock = SimClock.virtual(T0);
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .hasMessageContaining("only moves forward");
  }

  @Test
  void accelerated_time_is_wall_time_times_the_factor_and_keeps_its_instant_across_modes() {
    AtomicLong nanos = new AtomicLong();
    SimClock clock = new SimClock(T0, ClockMode.ACCELERATED, 60, nanos::get);
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(120));
    clock.setMode(ClockMode.VIRTUAL, 1);
    nanos.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(120));
    assertThatThrownBy(() -> new SimClock(T0, ClockMode.REAL, 1, nanos::get)
        .advance(Duration.ofSeconds(1))).hasMessageContaining("needs the virtual clock");
  }

  @Test
  void durations_parse_and_print_in_scenario_syntax() {
    assertThat(SimDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(SimDuration.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(SimDuration.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThatThrownBy(() -> SimDuration.parse("10 minutes"))
        .hasMessageContaining("expected a duration such as");
  }

  @Test
  void due_tasks_run_in_bounded_batches_oldest_first_skipping_cancelled_ones() {
    SimClock clock = SimClock.virtual(T0);
    java.util.List<Integer> ran = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int n = i;
      clock.schedule(T0, () -> ran.add(n));
    }
    clock.schedule(T0, () -> ran.add(99)).cancel();
    clock.schedule(T0.plusSeconds(60), () -> ran.add(100));
    assertThat(clock.runDue(2)).isEqualTo(2);
    assertThat(ran).containsExactly(0, 1);
    assertThat(clock.runDue(2)).isEqualTo(2);
    assertThat(clock.runDue(2)).as("the cancelled task is skipped, the later one waits")
        .isEqualTo(1);
    assertThat(ran).containsExactly(0, 1, 2, 3, 4);
  }
}
