package dev.vidsim.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * A container killed (SIGKILL, no shutdown) and started again on the same data volume carries on:
 * the job it had made is there and finishes on the clock, its Idempotency-Key replays instead of
 * charging again, and the ledger holds each line once.
 */
@ExtendWith(VidsimImage.class)
class VidsimDataDirIT {
  private static final String BODY =
      "{\"model\":\"smoke-reel\",\"prompt\":\"a cat\",\"seconds\":6}";

  @TempDir
  Path data;

  private VidsimContainer container() {
    return new VidsimContainer(VidsimImage.NAME)
        .withScenario(VidsimContainerIT.SCENARIOS.resolve("container-smoke.yaml"))
        .withSeed(7)
        .withClock("virtual")
        .withDataDir(data);
  }

  @Test
  void a_container_killed_and_started_again_on_its_data_dir_keeps_jobs_keys_and_ledger() {
    String id;
    try (VidsimContainer first = container()) {
      first.start();
      id = new ApiCalls(first.getBaseUrl(), VidsimContainerIT.KEY).create("durable-1", BODY, 201)
          .get("id").asText();
      first.getAdminClient().advance(Duration.ofSeconds(10)); // queued 2 s, then rendering
      DockerClientFactory.instance().client().killContainerCmd(first.getContainerId()).exec();
    }
    try (VidsimContainer second = container()) {
      second.start();
      ApiCalls api = new ApiCalls(second.getBaseUrl(), VidsimContainerIT.KEY);
      assertThat(api.get(id).get("status").asText()).isEqualTo("in_progress");
      assertThat(second.getAdminClient().clock().get("now").asText())
          .isEqualTo("2026-01-01T00:00:10Z");
      second.getAdminClient().advance(Duration.ofSeconds(52)); // 2 s queued + 60 s render
      JsonNode done = api.get(id);
      assertThat(done.get("status").asText()).isEqualTo("succeeded");
      assertThat(done.get("charged").asText()).isEqualTo("0.60");
      assertThat(api.create("durable-1", BODY, 201).get("id").asText()).isEqualTo(id);
      JsonNode ledger = second.getAdminClient().ledger(VidsimContainerIT.KEY);
      assertThat(ledger.get("data")).extracting(e -> e.get("type").asText() + " "
          + e.get("amount").asText()).containsExactly("topup 5.00", "hold 0.60", "capture 0.60");
    }
  }
}
