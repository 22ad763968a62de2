package dev.vidsim.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@VidsimTest(scenario = "scenarios/pricing/unit-task.yaml", seed = 7, tenantBalance = "3.00")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VidsimTestAnnotationTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Set<String> KEYS = ConcurrentHashMap.newKeySet();
  private static final Set<String> URLS = ConcurrentHashMap.newKeySet();
  private String keyFromBeforeEach;

  @BeforeEach
  void remember(VidsimRuntimeInfo vidsim) {
    keyFromBeforeEach = vidsim.apiKey();
  }

  @Test
  @Order(1)
  void the_class_scenario_is_loaded_with_the_annotations_seed(VidsimRuntimeInfo vidsim) {
    var scenario = vidsim.admin().clock();
    assertThat(scenario.path("mode").asText()).isEqualTo("virtual");
    assertThat(vidsim.simulator().scenario().source()).endsWith("unit-task.yaml");
    assertThat(vidsim.simulator().scenario().seed()).isEqualTo(7);
    vidsim.advance(Duration.ofHours(3));
    assertThat(vidsim.now()).isEqualTo(START.plus(Duration.ofHours(3)));
    record(vidsim);
  }

  @Test
  @Order(2)
  void each_test_gets_a_fresh_tenant_on_a_reset_simulator(VidsimRuntimeInfo vidsim) {
    assertThat(vidsim.now()).as("the clock was reset").isEqualTo(START);
    assertThat(vidsim.admin().ledger(vidsim.apiKey()).path("balance").path("available")
        .asText()).isEqualTo("3.00");
    assertThat(vidsim.apiKey()).isEqualTo(keyFromBeforeEach);
    assertThat(KEYS).as("the same seed mints the same fresh key").contains(vidsim.apiKey());
    record(vidsim);
  }

  @Test
  @Order(3)
  @VidsimScenario("scenarios/pricing/unit-video.yaml")
  void a_method_can_run_on_another_scenario(VidsimRuntimeInfo vidsim) {
    assertThat(vidsim.simulator().scenario().source()).endsWith("unit-video.yaml");
    record(vidsim);
  }

  @Test
  @Order(4)
  void the_class_scenario_is_back_after_a_method_scenario(VidsimRuntimeInfo vidsim) {
    assertThat(vidsim.simulator().scenario().source()).endsWith("unit-task.yaml");
    record(vidsim);
    assertThat(URLS).as("one simulator for the whole class").hasSize(1);
  }

  private static void record(VidsimRuntimeInfo vidsim) {
    KEYS.add(vidsim.apiKey());
    URLS.add(vidsim.baseUrl());
  }

  @Nested
  class NestedTests {
    @Test
    void a_nested_class_shares_the_outer_simulator(VidsimRuntimeInfo vidsim) {
      assertThat(vidsim.simulator().scenario().source()).endsWith("unit-task.yaml");
      assertThat(vidsim.baseUrl()).startsWith("http://127.0.0.1:");
      assertThat(vidsim.url("/v1/models")).isEqualTo(vidsim.baseUrl() + "/v1/models");
    }
  }
}
