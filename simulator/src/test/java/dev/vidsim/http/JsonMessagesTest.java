package dev.vidsim.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.faults.SimFixture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A malformed JSON body is a 400 that says what is wrong and where, never the parser's words. */
class JsonMessagesTest {
  private static final SimFixture FX = new SimFixture();

  @AfterAll
  static void close() {
    FX.close();
  }

  static Stream<Arguments> bodies() {
    return Stream.of(
        Arguments.of("{\"model\":", "line 1, column 10: the JSON ends before every object"),
        Arguments.of("{\"model\":\"task-1", "the JSON ends inside a string"),
        Arguments.of("{model:1}", "line 1, column 2: unexpected character 'm'; expected a field"
            + " name in double quotes"),
        Arguments.of("{\"model\":}", "unexpected character '}'; expected a string in double"
            + " quotes, a number"),
        Arguments.of("{\"model\":tru}", "unrecognized word 'tru' where a value was expected"),
        Arguments.of("{\"model\":\"a\",\"model\":\"b\"}", "the field 'model' appears twice"),
        Arguments.of("{\"prompt\":\"a\nb\"}", "character U+000A inside a string must be escaped"),
        Arguments.of("{\"model\":\"a\"]", "character ']' closes a bracket that is not open here"),
        Arguments.of("{\"model\":\"a\"} {}", "there is more after the JSON object"),
        Arguments.of("{\"seconds\":01}", "a malformed number"),
        Arguments.of("{\"seconds\":NaN}", "'NaN' is not a JSON value"),
        Arguments.of("{\"prompt\":\"\\q\"}", "unknown escape 'q' in a string"),
        Arguments.of("//c\n{}", "expected no comment: JSON has none"),
        Arguments.of("[".repeat(1_100), "objects and arrays are nested deeper than 1000"),
        Arguments.of("{\"seconds\":" + "9".repeat(1_100) + "}", "a number is longer than 1000"),
        Arguments.of("[1]", "expected a JSON object such as {\"model\": ...}, got array"));
  }

  @ParameterizedTest
  @MethodSource("bodies")
  void malformed_json_is_a_400_saying_what_and_where_in_plain_words(String body, String says) {
    for (String path : new String[] {"/v1/videos", "/_sim/faults"}) {
      String message = FX.as(SimFixture.ALICE).body(body).post(path).then().statusCode(400)
          .extract().path("error.message");
      assertThat(message).as(path).contains(says);
      assertThat(Envelope.leak(message)).as(message).isNull();
      assertThat(message).doesNotContain("Unexpected", "token (", "START_", "`");
    }
  }

  @Test
  void a_scenario_nested_too_deep_says_so_without_the_parsers_words() {
    String message = FX.admin().body("[".repeat(1_100)).post("/_sim/scenario").then()
        .statusCode(400).extract().path("error.message");
    assertThat(message).startsWith("scenario: request.yaml:1:65: [0][0]")
        .contains("nested deeper than 64 mappings and lists");
    assertThat(Envelope.leak(message)).as(message).isNull();
  }
}
