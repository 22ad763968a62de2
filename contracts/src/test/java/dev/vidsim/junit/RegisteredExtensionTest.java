package dev.vidsim.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.testkit.VidsimAdmin;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegisteredExtensionTest {
  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class StaticField {
    @RegisterExtension
    static final VidsimExtension VIDSIM = VidsimExtension.newInstance()
        .tenant("1.00", "pro", "eu-west").resetEachTest(false).build();
    static String firstTenant;

    @Test
    @Order(1)
    void the_tenant_has_the_configured_balance_tier_and_region(VidsimRuntimeInfo vidsim) {
      assertThat(vidsim.tenant().tier()).isEqualTo("pro");
      assertThat(vidsim.tenant().region()).isEqualTo("eu-west");
      assertThat(vidsim.baseUrl()).isEqualTo(VIDSIM.baseUrl());
      vidsim.advance(Duration.ofMinutes(1));
      firstTenant = vidsim.apiKey();
    }

    @Test
    @Order(2)
    void without_reset_the_previous_tests_tenant_and_clock_remain(VidsimRuntimeInfo vidsim) {
      assertThat(vidsim.apiKey()).isNotEqualTo(firstTenant);
      assertThat(VIDSIM.admin().ledger(firstTenant).path("balance").path("balance").asText())
          .isEqualTo("1.00");
      assertThat(vidsim.now().toString()).isEqualTo("2026-01-01T00:01:00Z");
    }
  }

  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class InstanceField {
    @RegisterExtension
    final VidsimExtension vidsim = VidsimExtension.newInstance().seed(11).build();
    static String previousBaseUrl;

    @Test
    @Order(1)
    void an_instance_field_starts_a_simulator_for_the_test(VidsimRuntimeInfo info) {
      assertThat(vidsim.simulator().scenario().seed()).isEqualTo(11);
      assertThat(new VidsimAdmin(info.baseUrl()).isHealthy()).isTrue();
      previousBaseUrl = info.baseUrl();
    }

    @Test
    @Order(2)
    void and_stops_it_after_the_test(VidsimRuntimeInfo info) {
      assertThat(previousBaseUrl).isNotNull();
      if (!previousBaseUrl.equals(info.baseUrl())) {
        assertThat(new VidsimAdmin(previousBaseUrl).isHealthy()).isFalse();
      }
      assertThat(vidsim.simulator().scenario().name()).isEqualTo("default");
    }
  }

  @Test
  void the_extension_refuses_to_be_used_before_it_starts() {
    assertThatThrownBy(() -> VidsimExtension.newInstance().build().baseUrl())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not running");
  }
}
