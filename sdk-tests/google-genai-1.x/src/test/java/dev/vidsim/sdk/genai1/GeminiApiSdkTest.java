package dev.vidsim.sdk.genai1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.genai.Client;
import com.google.genai.errors.ClientException;
import com.google.genai.types.GenerateVideosConfig;
import com.google.genai.types.GenerateVideosOperation;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import com.google.genai.types.Video;
import dev.vidsim.engine.Simulator;
import dev.vidsim.http.Json;
import dev.vidsim.http.VidsimServer;
import dev.vidsim.money.Money;
import dev.vidsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * google-genai 1.80.0 in Gemini API (Developer) mode, unchanged but for its base URL:
 * predictLongRunning, the operation polled with GET, the video downloaded through files.
 */
class GeminiApiSdkTest {
  static final String MODEL = "veo-3.1-generate-preview";
  static final String KEY = "sk-test-alice";
  final Simulator sim = new Simulator(ScenarioLoader.builtInDefault());
  final VidsimServer server = VidsimServer.start(sim, 0);
  final Client client = Client.builder().apiKey(KEY).httpOptions(HttpOptions.builder()
      .baseUrl(server.dialectBaseUrl("gemini")).timeout(20_000)
      .retryOptions(HttpRetryOptions.builder().attempts(3).initialDelay(0.05).jitter(0.0)
          .build()).build()).build();

  @AfterEach
  void close() {
    server.close();
    sim.close();
  }

  private GenerateVideosOperation generate() {
    GenerateVideosOperation op = client.models.generateVideos(MODEL, "a cat surfing", null,
        GenerateVideosConfig.builder().durationSeconds(8).resolution("720p").build());
    sim.advance(Duration.ofMinutes(10));
    return client.operations.getVideosOperation(op, null);
  }

  private void fault(String json) {
    try {
      var rule = Json.MAPPER.readTree(json);
      sim.run(e -> e.faults().add(rule));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void create_poll_and_download_through_files_walk_the_gemini_api(@TempDir Path dir)
      throws Exception {
    GenerateVideosOperation done = generate();
    assertThat(done.done()).contains(true);
    Video video = done.response().orElseThrow().generatedVideos().orElseThrow().get(0).video()
        .orElseThrow();
    assertThat(video.uri().orElseThrow()).contains("/files/");
    Path out = dir.resolve("cat.mp4");
    client.files.download(video, out.toString(), null);
    byte[] mp4 = Files.readAllBytes(out);
    assertThat(new String(mp4, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo("ftyp");
    // $0.40 per second at 720p, 8 seconds, billed on success
    assertThat(sim.call(e -> e.balance(KEY)).balance()).isEqualTo(Money.parse("6.80"));
  }

  @Test
  void a_lost_response_after_charge_makes_the_sdks_retry_a_second_paid_video() {
    fault("{\"when\":{\"endpoint\":\"create\",\"nth\":1},\"do\":{\"lostResponse\":true}}");
    generate();
    List<?> jobs = sim.call(e -> e.jobs().all());
    assertThat(jobs).as("the SDK retried the 500 without an idempotency key").hasSize(2);
    assertThat(sim.call(e -> e.balance(KEY)).balance()).isEqualTo(Money.parse("3.60"));
  }

  @Test
  void an_unknown_model_is_the_sdks_client_exception_with_404_not_found() {
    assertThatThrownBy(() -> client.models.generateVideos("veo-9", "x", null, null))
        .isInstanceOfSatisfying(ClientException.class, e -> {
          assertThat(e.code()).isEqualTo(404);
          assertThat(e.status()).isEqualTo("NOT_FOUND");
        });
  }
}
