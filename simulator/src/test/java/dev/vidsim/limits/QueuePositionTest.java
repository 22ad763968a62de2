package dev.vidsim.limits;

import static dev.vidsim.faults.SimFixture.ALICE;
import static dev.vidsim.faults.SimFixture.create;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.faults.SimFixture;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Over a queueing concurrency limit, vidsim's own API shows each waiting job's position. */
class QueuePositionTest {
  private final SimFixture sim =
      new SimFixture("limits: { concurrentJobs: 1, overLimit: queue }\n");

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void a_queued_job_shows_its_position_falling_as_the_jobs_ahead_start_and_none_once_running() {
    String first = id(sim.as(ALICE).body(create("task-1")).post("/v1/videos").jsonPath());
    sim.as(ALICE).body(create("task-1")).post("/v1/videos").then().statusCode(201);
    JsonPath third = sim.as(ALICE).body(create("task-1")).post("/v1/videos").jsonPath();
    assertThat(third.getInt("queuePosition")).isEqualTo(2);
    assertThat(third.getString("charged")).isEqualTo("0.50"); // billed on create while waiting
    sim.advance("2s"); // the first leaves the queue and renders; the others wait for its slot
    assertThat(get(first).getString("status")).isEqualTo("in_progress");
    assertThat(get(first).getMap("").containsKey("queuePosition")).isFalse();
    assertThat(get(id(third)).getInt("queuePosition")).isEqualTo(1);
    sim.advance("61s"); // the first is done: the second takes the slot
    assertThat(get(id(third)).getInt("queuePosition")).isZero();
    sim.advance("62s");
    assertThat(get(id(third)).getString("status")).isEqualTo("in_progress");
    assertThat(get(id(third)).getMap("").containsKey("queuePosition")).isFalse();
  }

  private JsonPath get(String id) {
    return sim.as(ALICE).get("/v1/videos/" + id).then().statusCode(200).extract().jsonPath();
  }

  private static String id(JsonPath p) {
    return p.getString("id");
  }
}
