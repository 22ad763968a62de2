package dev.vidsim.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vidsim.random.SimRandom;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The rule set itself: ids, its bound, and the edges of chance. */
class FaultRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final RequestFacts CREATE = new RequestFacts(Endpoint.CREATE, "sk-a", "m",
      "us-east", "free", null);
  private final Faults faults = new Faults(new SimRandom(1), START);

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void rules_are_numbered_in_order_skipping_ids_rules_took_for_themselves() throws Exception {
    assertThat(faults.add(json("{'do':{'status':500}}")).id()).isEqualTo("flt_1");
    assertThat(faults.add(json("{'id':'flt_2','do':{'status':500}}")).id()).isEqualTo("flt_2");
    assertThat(faults.add(json("{'do':{'status':500}}")).id()).isEqualTo("flt_3");
    assertThat(faults.add(json("{'id':'slow.create-1','do':{'status':500}}")).id())
        .isEqualTo("slow.create-1");
  }

  @Test
  void a_rule_id_is_1_to_64_safe_characters_and_unique() throws Exception {
    faults.add(json("{'id':'mine','do':{'status':500}}"));
    for (String bad : new String[] {"{'id':7,'do':{'status':500}}",
        "{'id':'a b','do':{'status':500}}", "{'id':'','do':{'status':500}}",
        "{'id':'" + "x".repeat(65) + "','do':{'status':500}}",
        "{'id':'mine','do':{'status':500}}"}) {
      assertThatThrownBy(() -> faults.add(json(bad))).as(bad)
          .isInstanceOf(FaultSpecException.class)
          .extracting(e -> ((FaultSpecException) e).field()).isEqualTo("id");
    }
    assertThat(faults.add(json("{'id':'" + "x".repeat(64) + "','do':{'status':500}}")).id())
        .hasSize(64);
  }

  @Test
  void at_most_1000_rules_are_held() throws Exception {
    for (int i = 0; i < Faults.RULES_MAX; i++) faults.add(json("{'do':{'status':500}}"));
    assertThatThrownBy(() -> faults.add(json("{'do':{'status':500}}")))
        .isInstanceOf(FaultSpecException.class).hasMessageContaining("at most 1000");
  }

  @Test
  void probability_1_always_fires_and_0_never_does() throws Exception {
    faults.add(json("{'id':'always','when':{'probability':1,'times':1000},"
        + "'do':{'status':503}}"));
    faults.add(json("{'id':'never','when':{'probability':0,'times':1000},"
        + "'do':{'status':500}}"));
    for (int i = 0; i < 200; i++) {
      Decision d = faults.evaluate(CREATE, START);
      assertThat(d.isNone()).isFalse();
      assertThat(d.fired()).containsExactly("always");
    }
  }

  @Test
  void a_request_no_rule_selects_gets_no_decision() throws Exception {
    faults.add(json("{'when':{'endpoint':'get'},'do':{'status':503}}"));
    Decision d = faults.evaluate(CREATE, START);
    assertThat(d.isNone()).isTrue();
    assertThat(d).isSameAs(Decision.NONE);
  }

  @Test
  void each_outcome_kind_reads_back_from_its_wire_name() {
    assertThat(Arrays.stream(JobOutcome.Kind.values())
        .map(k -> JobOutcome.Kind.parse(k.wireName())).toList())
        .containsExactly(JobOutcome.Kind.values());
    assertThat(Arrays.stream(JobOutcome.Kind.values()).map(JobOutcome.Kind::wireName))
        .doesNotContain("").doesNotHaveDuplicates();
  }
}
