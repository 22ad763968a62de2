package dev.vidsim.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.clock.WallClock;
import dev.vidsim.engine.Command;
import dev.vidsim.engine.Recorder;
import dev.vidsim.engine.Simulator;
import dev.vidsim.faults.SimFixture;
import dev.vidsim.scenario.ScenarioLoader;
import io.restassured.RestAssured;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A request records its commands in order and waits for the log once, after the last of them
 * and before its answer: under --fsync always that is one group commit per request.
 */
class AnswerWaitTest {
  /** What a durable recorder is asked, in order: "record X" and "wait". */
  private static final class Calls implements Recorder {
    final List<String> seen = new ArrayList<>();

    @Override
    public synchronized void record(Command<?> command) {
      seen.add("record " + command.getClass().getSimpleName());
    }

    @Override
    public void restart(String scenarioFile, String scenarioText) { }

    @Override
    public void sectionEnd() { }

    @Override
    public synchronized void awaitDurable() {
      seen.add("wait");
    }

    synchronized List<String> since(int from) {
      return List.copyOf(seen.subList(from, seen.size()));
    }
  }

  @Test
  void a_create_records_its_commands_then_waits_once_before_answering() {
    Calls calls = new Calls();
    Simulator sim = new Simulator(ScenarioLoader.parse("fixture.yaml", SimFixture.BASE),
        WallClock.SYSTEM, calls);
    try (VidsimServer server = VidsimServer.start(sim, 0)) {
      int before = calls.seen.size();
      RestAssured.given().baseUri(server.baseUrl()).header("Authorization", "Bearer "
          + SimFixture.ALICE).header("Idempotency-Key", "k1").contentType("application/json")
          .body("{\"model\":\"task-1\",\"prompt\":\"a cat\"}").post("/v1/videos")
          .then().statusCode(201);
      assertThat(calls.since(before)).containsExactly("record Note", "record Admit",
          "record Create", "record SyncAnswer", "record Note", "wait");
    }
  }
}
