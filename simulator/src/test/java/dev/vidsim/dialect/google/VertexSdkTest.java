package dev.vidsim.dialect.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.genai.Client;
import com.google.genai.errors.ClientException;
import com.google.genai.types.GenerateVideosConfig;
import com.google.genai.types.GenerateVideosOperation;
import com.google.genai.types.GenerateVideosSource;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import com.google.genai.types.Video;
import dev.vidsim.engine.Simulator;
import dev.vidsim.http.Json;
import dev.vidsim.http.VidsimServer;
import dev.vidsim.money.Money;
import dev.vidsim.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * google-genai 2.3.0 in enterprise (Vertex) mode, unchanged but for its base URL: express mode
 * with an API key, and project + location with an OAuth access token (the token is the key).
 */
class VertexSdkTest {
  static final String MODEL = "veo-3.1-generate-001";
  final Simulator sim = new Simulator(ScenarioLoader.builtInDefault());
  final VidsimServer server = VidsimServer.start(sim, 0);

  @AfterEach
  void close() {
    server.close();
    sim.close();
  }

  private HttpOptions http() {
    // fast, bounded retries: the SDK's default is 5 attempts with waits of seconds
    return HttpOptions.builder().baseUrl(server.dialectBaseUrl("vertex")).timeout(20_000)
        .retryOptions(HttpRetryOptions.builder().attempts(3).initialDelay(0.05).jitter(0.0)
            .build()).build();
  }

  private Client express(String key) {
    return Client.builder().enterprise(true).apiKey(key).httpOptions(http()).build();
  }

  private GenerateVideosOperation generate(Client c, GenerateVideosConfig cfg) {
    GenerateVideosOperation op = c.models.generateVideos(MODEL,
        GenerateVideosSource.builder().prompt("a cat surfing").build(), cfg);
    sim.advance(Duration.ofMinutes(10));
    return c.operations.getVideosOperation(op, null);
  }

  private static GenerateVideosConfig eightSeconds() {
    return GenerateVideosConfig.builder().durationSeconds(8).resolution("720p").build();
  }

  private void fault(String json) {
    sim.run(e -> e.faults().add(Json.MAPPER.valueToTree(parse(json))));
  }

  private static Object parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void express_mode_creates_polls_and_gets_the_video_inline_billed_per_second() {
    GenerateVideosOperation done = generate(express("sk-test-alice"), eightSeconds());
    assertThat(done.done()).contains(true);
    Video video = done.response().orElseThrow().generatedVideos().orElseThrow().get(0).video()
        .orElseThrow();
    byte[] mp4 = video.videoBytes().orElseThrow();
    assertThat(new String(mp4, 4, 4, StandardCharsets.ISO_8859_1)).isEqualTo("ftyp");
    assertThat(video.mimeType()).contains("video/mp4");
    // $0.40 per second at 720p, 8 seconds, billed on success
    assertThat(sim.call(e -> e.balance("sk-test-alice")).balance())
        .isEqualTo(Money.parse("6.80"));
  }

  @Test
  void project_and_location_with_an_access_token_and_a_storage_uri_get_a_gcs_uri() {
    Client c = Client.builder().enterprise(true).project("my-project").location("us-central1")
        .credentials(GoogleCredentials.create(new AccessToken("sk-test-bob",
            Date.from(java.time.Instant.parse("2100-01-01T00:00:00Z")))))
        .httpOptions(http()).build();
    GenerateVideosOperation done = generate(c, GenerateVideosConfig.builder()
        .outputGcsUri("gs://bucket/out").build());
    assertThat(done.name().orElseThrow())
        .startsWith("projects/my-project/locations/us-central1/publishers/google/models/");
    Video video = done.response().orElseThrow().generatedVideos().orElseThrow().get(0).video()
        .orElseThrow();
    assertThat(video.uri().orElseThrow()).startsWith("gs://bucket/out/").endsWith(".mp4");
  }

  @Test
  void a_429_is_retried_by_the_sdk_and_charged_once() {
    fault("{\"when\":{\"endpoint\":\"create\",\"nth\":1},\"do\":{\"status\":429}}");
    GenerateVideosOperation done = generate(express("sk-test-alice"), eightSeconds());
    assertThat(done.done()).contains(true);
    List<?> jobs = sim.call(e -> e.jobs().all());
    assertThat(jobs).hasSize(1);
    String journal = sim.call(e -> e.journal().toJsonl());
    assertThat(journal).contains("\"status\":429");
  }

  @Test
  void a_lost_response_after_charge_makes_the_sdks_retry_a_second_paid_video() {
    fault("{\"when\":{\"endpoint\":\"create\",\"nth\":1},\"do\":{\"lostResponse\":true}}");
    generate(express("sk-test-alice"), eightSeconds());
    List<?> jobs = sim.call(e -> e.jobs().all());
    assertThat(jobs).as("the SDK retried the 500 without any idempotency key").hasSize(2);
    assertThat(sim.call(e -> e.balance("sk-test-alice")).balance())
        .isEqualTo(Money.parse("3.60"));
  }

  @Test
  void an_unknown_model_is_the_sdks_client_exception_with_404_not_found() {
    Client c = express("sk-test-alice");
    assertThatThrownBy(() -> c.models.generateVideos("veo-9", GenerateVideosSource.builder()
        .prompt("x").build(), null))
        .isInstanceOfSatisfying(ClientException.class, e -> {
          assertThat(e.code()).isEqualTo(404);
          assertThat(e.status()).isEqualTo("NOT_FOUND");
        });
  }
}
