package dev.vidsim.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fault rules are read strictly: every problem names its field. */
class FaultParserTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static FaultRule parse(String json) throws Exception {
    return FaultParser.parse("r", JSON.readTree(json));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"do\":{}}                                                  | do",
      "{\"when\":{}}                                                | do",
      "{\"do\":{\"status\":200}}                                    | do.status",
      "{\"do\":{\"retryAfter\":\"30s\"}}                            | do.retryAfter",
      "{\"do\":{\"status\":429,\"retryAfter\":\"5s\",\"retryAfterDate\":\"5s\"}}"
          + " | do.retryAfterDate",
      "{\"do\":{\"latency\":\"fast\"}}                              | do.latency",
      "{\"do\":{\"outcome\":\"timeout\",\"status\":500}}            | do",
      "{\"do\":{\"outcome\":\"stuck\",\"after\":\"1m\"}}            | do.after",
      "{\"do\":{\"outcome\":\"explode\"}}                           | do.outcome",
      "{\"do\":{\"webhook\":\"delay\"}}                             | do.delay",
      "{\"when\":{\"endpoint\":\"get\"},\"do\":{\"lostResponse\":true}} | when.endpoint",
      "{\"when\":{\"endpoint\":\"webhook\"},\"do\":{\"status\":500}} | do.webhook",
      "{\"when\":{\"event\":\"video.completed\"},\"do\":{\"status\":500}} | when.event",
      "{\"when\":{\"nth\":0},\"do\":{\"status\":500}}                | when.nth",
      "{\"when\":{\"probability\":1.5},\"do\":{\"status\":500}}      | when.probability",
      "{\"when\":{\"from\":\"10m\",\"until\":\"5m\"},\"do\":{\"status\":500}} | when.until",
      "{\"when\":{\"endpoint\":\"upload\"},\"do\":{\"status\":500}}  | when.endpoint"})
  void invalid_rules_name_the_field_to_fix(String json, String field) {
    assertThatThrownBy(() -> parse(json)).isInstanceOf(FaultSpecException.class)
        .extracting(e -> ((FaultSpecException) e).field()).isEqualTo(field);
  }

  @Test
  void outcome_and_webhook_effects_imply_their_endpoint() throws Exception {
    assertThat(parse("{\"do\":{\"outcome\":\"timeout\"}}").when().endpoint())
        .isEqualTo(Endpoint.CREATE);
    assertThat(parse("{\"do\":{\"outcome\":\"timeout\"}}").effect().outcome().after())
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(parse("{\"do\":{\"webhook\":\"reorder\"}}").when().endpoint())
        .isEqualTo(Endpoint.WEBHOOK);
    assertThat(parse("{\"when\":{\"endpoint\":\"any\"},\"do\":{\"status\":500}}").when().endpoint())
        .isNull();
  }

  @Test
  void latency_takes_every_distribution_of_the_catalog() throws Exception {
    assertThat(parse("{\"do\":{\"latency\":\"lognormal(500ms, 0.5, 10s)\"}}").effect()
        .latency()).isNotNull();
    assertThat(parse("{\"do\":{\"latency\":\"1s..5s\"}}").effect().latency().toString())
        .isEqualTo("1s..5s");
  }

  @Test
  void nth_fires_once_unless_times_says_otherwise() throws Exception {
    assertThat(parse("{\"when\":{\"nth\":3},\"do\":{\"status\":500}}").when().timesOrDefault())
        .isEqualTo(1);
    assertThat(parse("{\"do\":{\"status\":500}}").when().timesOrDefault())
        .isEqualTo(Integer.MAX_VALUE);
  }
}
