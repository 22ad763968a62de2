package dev.vidsim.journal;

import static dev.vidsim.faults.SimFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.faults.SimFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /_sim/journal as a reader that fell behind sees it: what was dropped, where pages start. */
class JournalPagingTest {
  @Test
  void the_headers_count_the_lines_dropped_and_a_page_starts_at_the_oldest_line_kept() {
    try (SimFixture sim = new SimFixture("journal: { maxAge: 1h }\n")) {
      for (int i = 0; i < 3; i++) {
        sim.as(ALICE).body(SimFixture.create("task-1")).post("/v1/videos").then().statusCode(201);
      }
      sim.advance("2h"); // every line so far is older than an hour once the next one is written
      sim.as(ALICE).body(SimFixture.create("task-1")).post("/v1/videos").then().statusCode(201);

      var all = sim.admin().get("/_sim/journal").then().statusCode(200).extract();
      long dropped = Long.parseLong(all.header("X-Vidsim-Journal-Dropped"));
      long last = Long.parseLong(all.header("X-Vidsim-Journal-Last-Seq"));
      List<String> kept = all.asString().lines().toList();
      assertThat(dropped).isGreaterThanOrEqualTo(6).isEqualTo(last - kept.size());
      assertThat(kept.get(0)).startsWith("{\"seq\":" + (dropped + 1) + ",");
      assertThat(kept.get(kept.size() - 1)).startsWith("{\"seq\":" + last + ",");

      String page = sim.admin().queryParam("after", 1).queryParam("limit", 2)
          .get("/_sim/journal").then().statusCode(200)
          .header("X-Vidsim-Journal-Dropped", Long.toString(dropped)).extract().asString();
      assertThat(page.lines().toList()).hasSize(2).first().asString()
          .startsWith("{\"seq\":" + (dropped + 1) + ",");
    }
  }
}
