package dev.vidsim.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edges of a fault rule as a scenario author writes one: the last value each field accepts
 * and the first it refuses, and the field a refusal names ({@link FaultParserTest} has the rest).
 */
class FaultRuleEdgesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static FaultRule parse(String json) throws Exception {
    return FaultParser.parse("r", JSON.readTree(json.replace('\'', '"')));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{'do':{'status':299}}                                            | do.status",
      "{'do':{'status':600}}                                            | do.status",
      "{'do':{'status':500.5}}                                          | do.status",
      "{'do':{'status':'500'}}                                          | do.status",
      "{'do':{'status':302}}                                            | do.location",
      "{'do':{'status':400,'location':'http://127.0.0.1/x'}}            | do.location",
      "{'do':{'status':302,'location':'http://127.0.0.1/x','lostResponse':true}} | do.status",
      "{'do':{'status':302,'location':'http://127.0.0.1/x\\ny'}}       | do.location",
      "{'do':{'headers':{'X-A':'b'}}}                                   | do.headers",
      "{'do':{'status':503,'headers':[1]}}                              | do.headers",
      "{'do':{'status':503,'headers':{'Content-Length':'1'}}} | do.headers.Content-Length",
      "{'do':{'status':503,'headers':{'Location':'/x'}}}                | do.headers.Location",
      "{'do':{'status':503,'headers':{'a b':'c'}}}                      | do.headers.a b",
      "{'do':{'status':503,'headers':{'X-A':'b\\nc'}}}                 | do.headers.X-A",
      "{'do':{'status':503,'headers':{'X-A':1}}}                        | do.headers.X-A",
      "{'do':{'retryAfterDate':'30s'}}                                  | do.retryAfterDate",
      "{'do':{'status':500,'webhook':'drop'}}                           | do",
      "{'do':{'lostResponse':true,'outcome':'timeout'}}                 | do",
      "{'do':{'drop':'yes'}}                                            | do.drop",
      "{'do':{'status':500,'colour':'red'}}                             | do.colour",
      "{'do':{'after':'1m','status':500}}                               | do.after",
      "{'do':{'deliveredSeconds':2,'status':500}}                       | do.deliveredSeconds",
      "{'do':{'outcome':'partial'}}                                     | do.deliveredSeconds",
      "{'do':{'outcome':'partial','deliveredSeconds':0}}                | do.deliveredSeconds",
      "{'do':{'outcome':'partial','deliveredSeconds':'2'}}              | do.deliveredSeconds",
      "{'do':{'outcome':'timeout','deliveredSeconds':2}}                | do.deliveredSeconds",
      "{'do':{'outcome':'timeout','stage':'queued'}}                    | do.stage",
      "{'do':{'outcome':'stuck','stage':'done'}}                        | do.stage",
      "{'do':{'delay':'1m','status':500}}                               | do.delay",
      "{'when':{'endpoint':'create'},'do':{'webhook':'drop'}}           | when.endpoint",
      "{'when':{'endpoint':'get'},'do':{'outcome':'timeout'}}           | when.endpoint",
      "{'when':{'upstream':'fal','endpoint':'get'},'do':{'status':503}} | when.upstream",
      "{'when':{'upstream':'fal'},'do':{'lostResponse':true}}           | when.upstream",
      "{'when':{'times':0},'do':{'status':500}}                         | when.times",
      "{'when':{'nth':2147483648},'do':{'status':500}}                  | when.nth",
      "{'when':{'nth':1.5},'do':{'status':500}}                         | when.nth",
      "{'when':{'probability':-0.1},'do':{'status':500}}                | when.probability",
      "{'when':{'probability':'0.5'},'do':{'status':500}}               | when.probability",
      "{'when':{'from':'5m','until':'5m'},'do':{'status':500}}          | when.until",
      "{'when':{'model':7},'do':{'status':500}}                         | when.model",
      "{'when':{'colour':'red'},'do':{'status':500}}                    | when.colour",
      "{'when':[],'do':{'status':500}}                                  | when",
      "{'do':{'status':500},'then':{}}                                  | then",
      "[]                                                               | body"})
  void each_refusal_names_its_field(String json, String field) {
    assertThatThrownBy(() -> parse(json)).isInstanceOf(FaultSpecException.class)
        .extracting(e -> ((FaultSpecException) e).field()).isEqualTo(field);
  }

  @ParameterizedTest(name = "status {0}")
  @ValueSource(ints = {400, 429, 599})
  void every_error_status_is_an_error_answer(int status) throws Exception {
    Effect e = parse("{'do':{'status':" + status + "}}").effect();
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.location()).isNull();
  }

  @ParameterizedTest(name = "redirect {0}")
  @ValueSource(ints = {300, 307, 399})
  void every_3xx_is_a_redirect_with_its_location(int status) throws Exception {
    Effect e = parse("{'do':{'status':" + status + ",'location':'http://127.0.0.1/x'}}")
        .effect();
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.location()).isEqualTo("http://127.0.0.1/x");
  }

  @Test
  void the_edges_of_counting_and_chance_are_accepted() throws Exception {
    Match m = parse("{'when':{'nth':1,'times':2147483647,'probability':0},"
        + "'do':{'status':500}}").when();
    assertThat(m.nth()).isEqualTo(1);
    assertThat(m.times()).isEqualTo(Integer.MAX_VALUE);
    assertThat(m.probability()).isZero();
    assertThat(parse("{'when':{'probability':1},'do':{'status':500}}").when().probability())
        .isEqualTo(1.0);
    Match window = parse("{'when':{'from':'5m','until':'6m','tenant':'sk-a','model':'m',"
        + "'region':'us-east','tier':'pro'},'do':{'status':500}}").when();
    assertThat(window.from()).isEqualTo(Duration.ofMinutes(5));
    assertThat(window.until()).isEqualTo(Duration.ofMinutes(6));
    assertThat(window).extracting(Match::tenant, Match::model, Match::region, Match::tier)
        .containsExactly("sk-a", "m", "us-east", "pro");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{'do':{'status':500,'outcome':'timeout'}}",
      "{'do':{'outcome':'timeout','webhook':'drop'}}",
      "{'do':{'drop':true,'webhook':'drop'}}",
      "{'do':{'status':500,'outcome':'timeout','webhook':'drop'}}"})
  void two_main_effects_in_one_rule_are_refused_as_such(String json) {
    assertThatThrownBy(() -> parse(json)).isInstanceOf(FaultSpecException.class)
        .hasMessageContaining("one main effect per rule");
  }

  @Test
  void outcomes_and_lost_responses_apply_to_creates_and_webhook_faults_to_deliveries()
      throws Exception {
    assertThat(parse("{'do':{'outcome':'timeout'}}").when().endpoint())
        .isEqualTo(Endpoint.CREATE);
    assertThat(parse("{'when':{'endpoint':'create'},'do':{'lostResponse':true}}").when()
        .endpoint()).isEqualTo(Endpoint.CREATE);
    assertThat(parse("{'do':{'webhook':'drop'}}").when().endpoint()).isEqualTo(Endpoint.WEBHOOK);
    assertThat(parse("{'when':{'endpoint':'webhook'},'do':{'webhook':'drop'}}").when()
        .endpoint()).isEqualTo(Endpoint.WEBHOOK);
    assertThat(parse("{'when':{'endpoint':'get'},'do':{'status':503}}").when().endpoint())
        .isEqualTo(Endpoint.GET);
  }

  @Test
  void a_create_only_effect_on_another_endpoint_is_named_in_the_refusal() {
    assertThatThrownBy(() -> parse("{'when':{'endpoint':'get'},'do':{'lostResponse':true}}"))
        .hasMessageContaining("lostResponse applies to create requests");
    assertThatThrownBy(() -> parse("{'when':{'endpoint':'get'},'do':{'outcome':'timeout'}}"))
        .hasMessageContaining("outcome applies to create requests");
  }

  @Test
  void a_lost_response_answers_500_unless_a_status_is_given() throws Exception {
    assertThat(parse("{'do':{'lostResponse':true}}").effect().lostStatus()).isEqualTo(500);
    assertThat(parse("{'do':{'lostResponse':true,'status':502}}").effect().lostStatus())
        .isEqualTo(502);
  }

  @Test
  void extra_headers_and_retry_after_forms_are_kept() throws Exception {
    Effect e = parse("{'do':{'status':503,'message':'down','retryAfterDate':'30s',"
        + "'headers':{'X-Reason':'maintenance'}}}").effect();
    assertThat(e.headers()).isEqualTo(Map.of("X-Reason", "maintenance"));
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(e.retryAfterDate()).isTrue();
    assertThat(e.message()).isEqualTo("down");
    Effect seconds = parse("{'do':{'status':429,'retryAfter':'5s'}}").effect();
    assertThat(seconds.retryAfter()).isEqualTo(Duration.ofSeconds(5));
    assertThat(seconds.retryAfterDate()).isFalse();
    assertThat(parse("{'do':{'status':503,'headers':null}}").effect().headers()).isEmpty();
  }

  @Test
  void error_answers_drops_and_lost_responses_are_told_apart() throws Exception {
    Effect drop = parse("{'do':{'drop':true}}").effect();
    assertThat(drop.drop()).isTrue();
    assertThat(drop.lostResponse()).isFalse();
    Effect lost = parse("{'do':{'lostResponse':true,'status':500}}").effect();
    assertThat(lost.lostResponse()).isTrue();
    assertThat(lost.drop()).isFalse();
    assertThat(parse("{'do':{'lostResponse':true}}").when().endpoint())
        .isEqualTo(Endpoint.CREATE);
    assertThat(parse("{'do':{'drop':false,'latency':'1s'}}").effect().drop()).isFalse();
  }

  @Test
  void outcomes_carry_their_timing_and_what_was_delivered() throws Exception {
    JobOutcome partial = parse("{'do':{'outcome':'partial','deliveredSeconds':2.5,"
        + "'after':'30s'}}").effect().outcome();
    assertThat(partial.deliveredSeconds()).isEqualByComparingTo(new BigDecimal("2.5"));
    assertThat(partial.after()).isEqualTo(Duration.ofSeconds(30));
    JobOutcome queued = parse("{'do':{'outcome':'stuck','stage':'queued'}}").effect().outcome();
    assertThat(queued.neverStarts()).isTrue();
    assertThat(queued.after()).isNull();
    assertThat(parse("{'do':{'outcome':'stuck'}}").effect().outcome().neverStarts()).isFalse();
    assertThat(parse("{'do':{'outcome':'timeout','after':'2m'}}").effect().outcome().after())
        .isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void webhook_faults_carry_their_delay() throws Exception {
    assertThat(parse("{'do':{'webhook':'delay','delay':'5m'}}").effect().webhook().delay())
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(parse("{'do':{'webhook':'reorder'}}").effect().webhook().delay())
        .isEqualTo(WebhookFault.HOLD_DEFAULT);
    Match m = parse("{'when':{'endpoint':'webhook','event':'video.completed'},"
        + "'do':{'webhook':'duplicate'}}").when();
    assertThat(m.endpoint()).isEqualTo(Endpoint.WEBHOOK);
    assertThat(m.event()).isEqualTo("video.completed");
  }

  @Test
  void an_upstream_outage_applies_to_creates() throws Exception {
    Match m = parse("{'when':{'upstream':'fal','endpoint':'create'},'do':{'status':503}}")
        .when();
    assertThat(m.upstream()).isEqualTo("fal");
    assertThat(parse("{'when':{'upstream':'fal'},'do':{'outcome':'timeout'}}").when().upstream())
        .isEqualTo("fal");
  }
}
