package dev.vidsim.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.client.Amount;
import dev.vidsim.client.GenerationRequest;
import dev.vidsim.client.GenerationResult;
import dev.vidsim.client.VideoClient;
import dev.vidsim.junit.VidsimRuntimeInfo;
import dev.vidsim.junit.VidsimTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code @VidsimTest(container = true)}: the same extension, the simulator in a container. */
@ExtendWith(VidsimImage.class)
@VidsimTest(scenario = "scenarios/container-smoke.yaml", seed = 5, container = true,
    tenantBalance = "2.00")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VidsimTestInContainerIT {
  @Test
  @Order(1)
  void a_test_gets_a_fresh_tenant_on_the_containerised_simulator(VidsimRuntimeInfo vidsim) {
    // the image's jar reports its version; an in-process simulator built from classes says "dev"
    assertThat(new ApiCalls(vidsim.baseUrl(), vidsim.apiKey()).getJson("/_sim/health", null, 200)
        .get("version").asText()).isEqualTo(VidsimVersion.get());
    VideoClient client = VideoClient.builder(vidsim.baseUrl(), vidsim.apiKey())
        .clock(new AdminClock(vidsim.admin())).seed(5).build();

    GenerationResult r = client.generate(GenerationRequest.builder("a cat")
        .models("smoke-reel").seconds(6).build());

    assertThat(r.status()).isEqualTo("succeeded");
    assertThat(r.job().charged()).isEqualTo(Amount.parse("0.60"));
    assertThat(vidsim.admin().ledger(vidsim.apiKey()).at("/balance/balance").asText())
        .isEqualTo("1.40");
    assertThat(vidsim.invariants().isOk()).isTrue(); // the extension checks again after the test
  }

  @Test
  @Order(2)
  void each_test_starts_from_the_scenario_again(VidsimRuntimeInfo vidsim) {
    assertThat(vidsim.now().toString()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(vidsim.admin().jobs().get("data")).isEmpty();
    assertThatThrownBy(vidsim::simulator).hasMessageContaining("container");
    ApiCalls api = new ApiCalls(vidsim.baseUrl(), vidsim.apiKey());
    assertThat(api.post("/_sim/reset", "", null).statusCode()).isEqualTo(401);
    assertThat(api.post("/_sim/reset", "", vidsim.adminToken()).statusCode()).isEqualTo(200);
  }
}
