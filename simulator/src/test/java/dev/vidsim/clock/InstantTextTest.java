package dev.vidsim.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantTextTest {
  @Test
  void writes_what_instant_to_string_writes_at_the_edges() {
    for (String text : new String[] {
        "1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000000001Z", "1999-12-31T23:59:59.999Z",
        "2000-02-29T12:00:00.5Z", "2026-01-01T00:00:00Z", "2026-12-07T18:04:33.120Z",
        "2026-03-01T00:00:00.000120Z", "2100-02-28T23:59:59.999999999Z",
        "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
        "-0001-01-01T00:00:00Z"}) {
      Instant at = Instant.parse(text);
      assertThat(InstantText.of(at)).as(text).isEqualTo(at.toString());
    }
  }

  @Test
  void writes_what_instant_to_string_writes_for_random_instants_of_every_precision() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      long seconds = random.nextLong(-1_000_000_000L, 260_000_000_000L);
      int nano = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1_000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      Instant at = Instant.ofEpochSecond(seconds, nano);
      assertThat(InstantText.of(at)).isEqualTo(at.toString());
    }
  }
}
