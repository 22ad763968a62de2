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

  @Test
  void every_value_is_written_as_json_and_a_body_field_named_like_a_lead_takes_its_place() {
    Journal j = new Journal(10, Duration.ofDays(1), clock);
    var body = Journal.fields().put("text", "a \"quoted\"\nline é \u2028").putNull("none")
        .put("n", new java.math.BigDecimal("1.50")).put("ok", true).put("big", 1L << 40);
    body.putObject("nested").put("x", 1).putArray("list").add("y").add(2.5);
    Journal.answering(7);
    try {
      j.append("response", body);
      j.append("note", Journal.fields().put("kind", "mine").put("req", 9));
    } finally {
      Journal.answered();
    }
    assertThat(j.lines(k -> true)).containsExactly("{\"seq\":1,\"t\":\"2026-01-01T00:00:00Z\","
        + "\"kind\":\"response\",\"text\":\"a \\\"quoted\\\"\\nline é \u2028\","
        + "\"none\":null,\"n\":1.50,\"ok\":true,\"big\":1099511627776,"
        + "\"nested\":{\"x\":1,\"list\":[\"y\",2.5]},\"req\":7}",
        "{\"seq\":2,\"t\":\"2026-01-01T00:00:00Z\",\"kind\":\"mine\",\"req\":7}");
  }
}
