package dev.vidsim.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.clock.SimClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JournalTest {
  private final SimClock clock = SimClock.virtual(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void lines_carry_sequence_simulated_time_and_kind_first() {
    Journal j = new Journal(10, Duration.ofDays(1), clock);
    j.append("state", Journal.fields().put("job", "vid_1"));
    assertThat(j.toJsonl())
        .isEqualTo("{\"seq\":1,\"t\":\"2026-01-01T00:00:00Z\",\"kind\":\"state\","
            + "\"job\":\"vid_1\"}\n");
  }

  @Test
  void the_journal_is_bounded_by_count_and_counts_what_it_dropped() {
    Journal j = new Journal(100, Duration.ofDays(1), clock);
    for (int i = 0; i < 250; i++) j.append("request", Journal.fields().put("i", i));
    assertThat(j.size()).isEqualTo(100);
    assertThat(j.dropped()).isEqualTo(150);
    assertThat(j.lines(k -> true).get(0)).contains("\"i\":150");
  }

  @Test
  void the_journal_is_bounded_by_simulated_age() {
    Journal j = new Journal(1000, Duration.ofHours(1), clock);
    j.append("old", Journal.fields());
    clock.advance(Duration.ofMinutes(61));
    j.append("new", Journal.fields());
    assertThat(j.lines(k -> true)).hasSize(1).first().asString().contains("\"kind\":\"new\"");
  }
}
