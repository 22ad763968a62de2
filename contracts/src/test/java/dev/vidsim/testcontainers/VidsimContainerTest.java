package dev.vidsim.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What VidsimContainer asks Docker for, checked without a Docker engine. */
class VidsimContainerTest {
  @Test
  void default_image_is_vidsim_tagged_with_this_library_s_version() {
    assertThat(VidsimContainer.defaultImage().asCanonicalNameString())
        .isEqualTo("vidsim:" + VidsimVersion.get());
    assertThat(VidsimVersion.get()).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void another_image_must_declare_itself_a_vidsim_substitute() {
    assertThatThrownBy(() -> new VidsimContainer("postgres:16"))
        .hasMessageContaining("postgres:16").hasMessageContaining("vidsim");
  }

  @Test
  void host_network_binds_loopback_on_a_free_port_and_exposes_nothing() {
    try (VidsimContainer c = new VidsimContainer("vidsim:test").withHostNetwork().withSeed(7)
        .withClock("virtual")) {
      assertThat(c.isHostNetwork()).isTrue();
      c.configure();
      int port = c.getPort();
      assertThat(port).isPositive();
      assertThat(c.getNetworkMode()).isEqualTo("host");
      assertThat(c.getExposedPorts()).isEmpty();
      assertThat(c.getCommandParts()).containsExactly("serve", "--bind", "127.0.0.1", "--port",
          String.valueOf(port), "--seed", "7", "--clock", "virtual");
      assertThat(c.getEnvMap()).containsEntry("VIDSIM_PORT", String.valueOf(port));
      assertThat(c.getBaseUrl()).isEqualTo("http://127.0.0.1:" + port);
      assertThat(c.dialectBaseUrl("openai")).isEqualTo("http://127.0.0.1:" + port + "/openai/v1");
    }
  }

  @Test
  void port_mapping_binds_all_interfaces_on_8080_behind_a_generated_admin_token() {
    try (VidsimContainer a = new VidsimContainer("vidsim:test").withPortMapping();
        VidsimContainer b = new VidsimContainer("vidsim:test").withPortMapping()) {
      a.configure();
      b.configure();
      assertThat(a.getExposedPorts()).containsExactly(8080);
      assertThat(a.isHostNetwork()).isFalse();
      assertThat(a.getCommandParts())
          .containsExactly("serve", "--bind", "0.0.0.0", "--port", "8080", "--clock", "virtual");
      String token = a.getEnvMap().get("VIDSIM_ADMIN_TOKEN");
      assertThat(token).matches("[0-9a-f]{32}").isEqualTo(a.getAdminToken());
      assertThat(b.getAdminToken()).isNotEqualTo(token);
    }
  }

  @Test
  void a_given_admin_token_is_used_and_never_put_on_the_command_line() {
    try (VidsimContainer c = new VidsimContainer("vidsim:test").withPortMapping()
        .withAdminToken("s3cret")) {
      c.configure();
      assertThat(c.getEnvMap()).containsEntry("VIDSIM_ADMIN_TOKEN", "s3cret");
      assertThat(c.getCommandParts()).doesNotContain("s3cret", "--admin-token");
    }
  }

  @Test
  void a_scenario_file_is_copied_under_scenarios_and_served(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("mine.yaml"), "schemaVersion: 1\n");
    try (VidsimContainer c = new VidsimContainer("vidsim:test").withHostNetwork()
        .withScenario(file)) {
      c.configure();
      assertThat(List.of(c.getCommandParts()))
          .containsSequence("--scenario", "/scenarios/mine.yaml");
      assertThat(c.getCopyToFileContainerPathMap()).containsValue("/scenarios/mine.yaml");
    }
  }

  @Test
  void a_classpath_scenario_is_copied_under_scenarios_and_served() {
    try (VidsimContainer c = new VidsimContainer("vidsim:test").withHostNetwork()
        .withScenarioResource("dev/vidsim/scenario/default.yaml")) {
      c.configure();
      assertThat(List.of(c.getCommandParts()))
          .containsSequence("--scenario", "/scenarios/default.yaml");
    }
    assertThatThrownBy(() -> new VidsimContainer("vidsim:test").withScenarioResource("nope.yaml"))
        .hasMessageContaining("not found on the classpath: nope.yaml");
  }

  @Test
  void bad_options_fail_at_once_saying_what_was_wrong(@TempDir Path dir) {
    VidsimContainer c = new VidsimContainer("vidsim:test");
    assertThatThrownBy(() -> c.withScenario(dir.resolve("missing.yaml")))
        .hasMessageContaining("scenario file not found").hasMessageContaining("missing.yaml");
    assertThatThrownBy(() -> c.withClock("sundial"))
        .hasMessageContaining("virtual").hasMessageContaining("sundial");
    assertThatThrownBy(() -> c.withAdminToken(" ")).hasMessageContaining("blank");
    assertThatThrownBy(() -> dev.vidsim.testkit.DialectPaths.pathOf("sora"))
        .hasMessageContaining("unknown dialect 'sora'").hasMessageContaining("openai");
  }

  @Test
  void network_mode_comes_from_the_environment_or_the_engine() {
    assertThat(VidsimNetwork.parse("host", () -> true)).isEqualTo(VidsimNetwork.HOST);
    assertThat(VidsimNetwork.parse("mapped", () -> false)).isEqualTo(VidsimNetwork.MAPPED);
    assertThat(VidsimNetwork.parse(" Bridge ", () -> false)).isEqualTo(VidsimNetwork.MAPPED);
    assertThat(VidsimNetwork.parse(null, () -> true)).isEqualTo(VidsimNetwork.MAPPED);
    assertThat(VidsimNetwork.parse("auto", () -> false)).isEqualTo(VidsimNetwork.HOST);
    assertThatThrownBy(() -> VidsimNetwork.parse("overlay", () -> true))
        .hasMessageContaining(VidsimNetwork.ENV).hasMessageContaining("'overlay'");
  }
}
