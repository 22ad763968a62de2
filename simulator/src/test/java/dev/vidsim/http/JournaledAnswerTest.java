package dev.vidsim.http;

import static dev.vidsim.faults.SimFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.faults.SimFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journal's response lines carry each answer's body exactly as the client received it. */
class JournaledAnswerTest {
  @Test
  void a_response_line_holds_the_answer_body_byte_for_byte() {
    try (SimFixture f = new SimFixture()) {
      List<String> sent = new ArrayList<>();
      // quotes, a backslash, non-ASCII and a line separator: escaped alike on the wire and here
      String created = f.as(ALICE).body("{\"model\":\"task-1\",\"prompt\":\"a \\\"cat\\\" \\\\ é"
          + " \\u2028 🐈\"}").post("/v1/videos").then().statusCode(201).extract().asString();
      sent.add(created);
      String id = Json.parse(created).get("id").asText();
      sent.add(f.as(ALICE).get("/v1/videos/" + id).then().statusCode(200).extract().asString());
      sent.add(f.as(ALICE).get("/v1/videos/vid_none").then().statusCode(404).extract()
          .asString());

      List<String> responses = new ArrayList<>();
      for (String line : f.admin().get("/_sim/journal").asString().split("\n")) {
        if (Json.parse(line).get("kind").asText().equals("response")) responses.add(line);
      }
      assertThat(responses).hasSize(sent.size());
      for (int i = 0; i < sent.size(); i++) {
        assertThat(responses.get(i)).contains("\"body\":" + sent.get(i) + ",");
        assertThat(Json.parse(responses.get(i)).get("body")).isEqualTo(Json.parse(sent.get(i)));
      }
      assertThat(sent.get(0)).contains("\\\"cat\\\"", "é", "🐈");
    }
  }
}
