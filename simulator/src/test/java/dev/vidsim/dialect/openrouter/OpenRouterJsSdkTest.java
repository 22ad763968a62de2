package dev.vidsim.dialect.openrouter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.sdk.JsSdkTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The official {@code @openrouter/sdk} npm SDK 1.3.19 (its {@code videoGeneration} operations),
 * unchanged but for {@code serverURL}, against the default scenario on an accelerated clock.
 */
class OpenRouterJsSdkTest extends JsSdkTest {
  static final String CREATE = "/openrouter/api/v1/videos";

  @Test
  void generate_polls_to_completed_and_get_video_content_downloads_the_mp4() {
    JsonNode r = run("openrouter-generate.mjs");
    assertThat(r.path("models").get(0).path("id").asText()).isEqualTo("google/veo-3.1");
    assertThat(r.path("models").get(0).path("skus").path("per-video-second").asText())
        .isEqualTo("0.422");
    assertThat(r.path("created").asText()).isEqualTo("pending");
    assertThat(r.path("status").asText()).isEqualTo("completed");
    assertThat(r.path("pollingUrl").asText()).isEqualTo(s.url() + CREATE + "/"
        + r.path("id").asText());
    assertThat(r.path("mp4").asBoolean()).isTrue();
    // veo-3.1-generate-001 via google-vertex: 8 s x 0.40 = 3.20, + 5.5% = 3.376
    assertThat(r.path("cost").decimalValue()).isEqualByComparingTo("3.376");
    assertThat(s.balance(KEY)).isEqualTo("6.624");
  }

  @Test
  void a_500_on_create_and_a_502_on_a_poll_are_retried_by_the_sdk_as_the_journal_shows() {
    s.fault("{\"when\":{\"endpoint\":\"create\",\"nth\":1},\"do\":{\"status\":500}}");
    s.fault("{\"when\":{\"endpoint\":\"get\",\"nth\":1},\"do\":{\"status\":502}}");
    JsonNode r = run("openrouter-retry.mjs");
    assertThat(r.path("status").asText()).isEqualTo("completed");
    List<JsonNode> creates = s.journal("request").stream()
        .filter(l -> l.path("path").asText().equals(CREATE)).toList();
    assertThat(creates).as("the SDK sent the create twice").hasSize(2);
    assertThat(s.journal("response").stream().map(l -> l.path("status").asInt()).toList())
        .contains(500, 502, 202);
    assertThat(s.journal("job_created")).as("the retried create made one job").hasSize(1);
    // 4 s x 0.40 = 1.60, + 5.5% = 1.688, charged once
    assertThat(s.journal("ledger")).filteredOn(l -> l.path("type").asText().equals("capture"))
        .singleElement().satisfies(l -> assertThat(l.path("amount").asText()).isEqualTo("1.688"));
  }

  @Test
  void a_vertex_outage_falls_back_to_fal_through_the_unchanged_sdk() {
    s.fault("{\"when\":{\"upstream\":\"google-vertex\"},\"do\":{\"status\":503}}");
    JsonNode r = run("openrouter-generate.mjs");
    assertThat(r.path("status").asText()).isEqualTo("completed");
    assertThat(s.journal("upstream")).extracting(l -> l.path("provider").asText() + " "
        + l.path("outcome").asText()).containsExactly("google-vertex failed", "fal ran");
    assertThat(s.journal("ledger")).filteredOn(l -> l.path("type").asText().equals("capture"))
        .singleElement().satisfies(l -> assertThat(l.path("rule").asText())
            .startsWith("via fal fal-ai/veo3.1: 8 second x 0.40 + 5.5% markup"));
  }

  @Test
  void an_unknown_model_a_bad_value_and_a_429_are_the_sdks_own_errors_and_cost_nothing() {
    s.fault("{\"when\":{\"endpoint\":\"create\",\"model\":\"google/veo-3.1\"},"
        + "\"do\":{\"status\":429,\"retryAfter\":\"30s\"}}");
    JsonNode r = run("openrouter-errors.mjs");
    JsonNode unknown = r.path("unknownModel");
    assertThat(unknown.path("name").asText()).isEqualTo("NotFoundResponseError");
    assertThat(unknown.path("status").asInt()).isEqualTo(404);
    assertThat(unknown.path("code").asInt()).isEqualTo(404);
    JsonNode bad = r.path("badResolution");
    assertThat(bad.path("name").asText()).isEqualTo("BadRequestResponseError");
    assertThat(bad.path("metadata").path("field").asText()).isEqualTo("resolution");
    JsonNode limited = r.path("rateLimited");
    assertThat(limited.path("name").asText()).isEqualTo("TooManyRequestsResponseError");
    assertThat(s.journal("request").stream()
        .filter(l -> l.path("path").asText().equals(CREATE)).count())
        .as("the SDK does not retry a 429").isEqualTo(3);
    assertThat(s.balance(KEY)).isEqualTo("10.00");
  }
}
