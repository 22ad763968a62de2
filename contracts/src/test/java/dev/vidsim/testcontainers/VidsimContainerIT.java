package dev.vidsim.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ExposedPort;
import dev.vidsim.checker.InvariantChecker;
import dev.vidsim.client.Amount;
import dev.vidsim.client.GenerationRequest;
import dev.vidsim.client.GenerationResult;
import dev.vidsim.client.VideoClient;
import dev.vidsim.client.cost.Reconciliation;
import dev.vidsim.testkit.VidsimAdmin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The simulator's image, started by VidsimContainer, serving a scenario from scenarios/. */
@ExtendWith(VidsimImage.class)
@Testcontainers
class VidsimContainerIT {
  static final Path SCENARIOS = Path.of(System.getProperty("vidsim.scenarios", "../scenarios"));
  static final String KEY = "sk-test-smoke";

  @Container
  static final VidsimContainer vidsim = new VidsimContainer(VidsimImage.NAME)
      .withScenario(SCENARIOS.resolve("container-smoke.yaml"))
      .withSeed(7)
      .withClock("virtual");

  VidsimAdmin admin;
  ApiCalls api;

  @BeforeEach
  void reset() {
    admin = vidsim.getAdminClient();
    admin.reset();
    api = new ApiCalls(vidsim.getBaseUrl(), KEY);
  }

  @Test
  void a_job_created_over_http_succeeds_when_the_clock_advances_and_is_billed_once() {
    JsonNode created = api.create("smoke-1", "{\"model\":\"smoke-reel\",\"prompt\":\"a cat\","
        + "\"seconds\":6}", 201);
    String id = created.get("id").asText();
    assertThat(created.get("status").asText()).isEqualTo("queued");

    admin.advance(Duration.ofSeconds(61)); // queued 2 s + render 60 s: one second short
    assertThat(api.get(id).get("status").asText()).isEqualTo("in_progress");
    admin.advance(Duration.ofSeconds(1));
    JsonNode done = api.get(id);
    assertThat(done.get("status").asText()).isEqualTo("succeeded");
    assertThat(done.get("charged").asText()).isEqualTo("0.60");

    // a retry with the same key replays the job instead of charging again
    assertThat(api.create("smoke-1", "{\"model\":\"smoke-reel\",\"prompt\":\"a cat\","
        + "\"seconds\":6}", 201).get("id").asText()).isEqualTo(id);
    JsonNode ledger = admin.ledger(KEY);
    assertThat(ledger.get("data")).extracting(e -> e.get("type").asText() + " "
        + e.get("amount").asText()).containsExactly("topup 5.00", "hold 0.60", "capture 0.60");
    assertThat(ledger.at("/balance/balance").asText()).isEqualTo("4.40");
    assertThat(ledger.at("/balance/held").asText()).isEqualTo("0.00");
  }

  @Test
  void the_reference_client_generates_a_video_in_the_container_and_its_cost_reconciles() {
    VideoClient client = VideoClient.builder(vidsim.getBaseUrl(), KEY)
        .clock(new AdminClock(admin)).seed(7).build();

    GenerationResult r = client.generate(GenerationRequest.builder("a cat surfing")
        .models("smoke-reel").seconds(6).build());

    assertThat(r.status()).isEqualTo("succeeded");
    assertThat(r.job().charged()).isEqualTo(Amount.parse("0.60"));
    Reconciliation bill = client.reconcile();
    assertThat(bill.isBalanced()).as(bill.toString()).isTrue();
    assertThat(admin.ledger(KEY).get("data")).extracting(e -> e.get("type").asText())
        .containsExactly("topup", "hold", "capture");
    assertThat(Instant.parse(admin.clock().get("now").asText()))
        .isAfterOrEqualTo(Instant.parse("2026-01-01T00:01:02Z")); // 2 s queued + 60 s render
    // the billing invariants hold on what the container shows over its admin API
    assertThat(InvariantChecker.assertInvariants(admin).isOk()).isTrue();
  }

  @Test
  void serves_the_copied_scenario_with_the_seed_given_to_the_container() {
    JsonNode scenario = api.getJson("/_sim/scenario", vidsim.getAdminToken(), 200);
    assertThat(scenario.get("name").asText()).isEqualTo("container-smoke");
    assertThat(scenario.get("seed").asLong()).isEqualTo(7); // the file says 11
    assertThat(admin.clock().get("mode").asText()).isEqualTo("virtual");
    assertThat(api.getJson("/v1/models", null, 200).get("data"))
        .extracting(m -> m.get("id").asText()).containsExactly("smoke-reel");
  }

  @Test
  void the_admin_api_refuses_calls_without_the_container_s_token() {
    assertThat(api.post("/_sim/clock/advance", "{\"by\":\"1h\"}", null).statusCode())
        .isEqualTo(401);
    assertThat(api.post("/_sim/clock/advance", "{\"by\":\"1h\"}", "wrong-token").statusCode())
        .isEqualTo(401);
    assertThat(admin.clock().get("now").asText()).isEqualTo("2026-01-01T00:00:00Z");
  }

  @Test
  void the_image_runs_as_nobody_and_its_health_check_command_passes_in_the_container()
      throws Exception {
    ContainerConfig config = DockerClientFactory.instance().client()
        .inspectImageCmd(VidsimImage.NAME).exec().getConfig();
    assertThat(config.getUser()).isEqualTo("65534:65534");
    assertThat(config.getHealthcheck().getTest()).contains("dev.vidsim.cli.Main", "health");
    assertThat(config.getExposedPorts()).extracting(ExposedPort::getPort).containsExactly(8080);

    ExecResult check = vidsim.execInContainer(config.getHealthcheck().getTest().stream()
        .skip(1).toArray(String[]::new)); // drop the leading "CMD"
    assertThat(check.getExitCode()).as(check.getStderr()).isZero();
    assertThat(check.getStdout()).contains("\"status\":\"ok\"", "container-smoke");
  }

  @Test
  void a_bad_scenario_file_fails_the_start_with_the_loader_s_located_message(@TempDir Path dir)
      throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "schemaVersion: 1\nname: bad\n"
        + "models:\n  - id: m\n    modes: [text-to-video]\n"
        + "    pricing: { unit: parsec, price: \"1.00\" }\n");
    try (VidsimContainer broken = new VidsimContainer(VidsimImage.NAME).withScenario(bad)) {
      assertThatThrownBy(broken::start).hasStackTraceContaining("vidsim exited before")
          .hasStackTraceContaining("/scenarios/bad.yaml:4:5: models[0]");
    }
  }
}
