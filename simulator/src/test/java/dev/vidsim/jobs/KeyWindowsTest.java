package dev.vidsim.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.clock.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyWindowsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final SimClock clock = SimClock.virtual(T0);
  private final List<String> expired = new ArrayList<>();
  private final KeyWindows windows = new KeyWindows(clock, Duration.ofHours(24),
      (tenant, key) -> expired.add(tenant + "/" + key + "@" + clock.instant()));

  @Test
  void each_key_expires_one_ttl_after_it_was_used_never_before_and_in_order() {
    windows.opened("a", "k1");
    clock.advance(Duration.ofHours(1));
    windows.opened("b", "k2");
    clock.advance(Duration.ofHours(23).minusMillis(1));
    assertThat(expired).isEmpty(); // a millisecond before k1's window ends
    clock.advance(Duration.ofMillis(1));
    assertThat(expired).containsExactly("a/k1@2026-01-02T00:00:00Z");
    clock.advance(Duration.ofHours(2));
    assertThat(expired).containsExactly("a/k1@2026-01-02T00:00:00Z",
        "b/k2@2026-01-02T01:00:00Z");
    assertThat(windows.waiting()).isZero();
    assertThat(clock.pendingTasks()).isZero();
  }

  @Test
  void many_keys_wait_behind_one_scheduled_task_and_all_leave_in_bounded_runs() {
    int keys = 3 * KeyWindows.PER_RUN_MAX + 7;
    for (int i = 0; i < keys; i++) windows.opened("a", "k" + i);
    // a day's keys are one task in the clock's heap, not one each
    assertThat(clock.pendingTasks()).isEqualTo(1);
    assertThat(windows.waiting()).isEqualTo(keys);
    clock.advance(Duration.ofHours(24));
    assertThat(expired).hasSize(keys).first().isEqualTo("a/k0@2026-01-02T00:00:00Z");
    assertThat(expired.get(keys - 1)).isEqualTo("a/k" + (keys - 1) + "@2026-01-02T00:00:00Z");
    assertThat(clock.pendingTasks()).isZero();
  }

  @Test
  void a_key_used_after_the_queue_emptied_schedules_again() {
    windows.opened("a", "k1");
    clock.advance(Duration.ofHours(25));
    windows.opened("a", "k2");
    assertThat(clock.pendingTasks()).isEqualTo(1);
    clock.advance(Duration.ofHours(24));
    assertThat(expired).containsExactly("a/k1@2026-01-02T00:00:00Z",
        "a/k2@2026-01-03T01:00:00Z");
  }
}
