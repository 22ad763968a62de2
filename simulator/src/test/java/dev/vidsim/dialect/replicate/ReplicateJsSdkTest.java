package dev.vidsim.dialect.replicate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.sdk.JsSdkTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The official {@code replicate} npm SDK 1.4.0, unchanged but for {@code baseUrl}, against the
 * default scenario on an accelerated clock (the SDK polls in real time).
 */
class ReplicateJsSdkTest extends JsSdkTest {
  static final String CREATE = "/replicate/v1/models/google/veo-3.1/predictions";

  @Test
  void replicate_run_blocks_with_prefer_wait_and_returns_a_downloadable_output() {
    JsonNode r = run("replicate-run.mjs");
    assertThat(r.path("output").asText()).startsWith(s.url() + "/replicate/delivery/");
    assertThat(r.path("download").path("mp4").asBoolean()).isTrue();
    assertThat(s.journal("request")).anyMatch(line -> line.path("path").asText()
        .equals(CREATE));
    assertThat(s.journal("sync_wait")).hasSize(1);
    // google/veo-3.1 at $0.40 per second, 8 s billed on delivery
    assertThat(s.balance(KEY)).isEqualTo("6.80");
  }

  @Test
  void predictions_create_by_version_then_replicate_wait_polls_to_succeeded() {
    JsonNode r = run("replicate-wait.mjs");
    assertThat(r.path("created").asText()).isEqualTo("starting");
    assertThat(r.path("status").asText()).isEqualTo("succeeded");
    assertThat(r.path("version").asText()).matches("[0-9a-f]{64}");
    assertThat(r.path("predictTime").asDouble()).isBetween(30.0, 50.0);
    assertThat(r.path("listed").get(0).asText()).isEqualTo(r.path("id").asText());
    assertThat(s.balance(KEY)).isEqualTo("8.40");
  }

  @Test
  void a_429_on_create_and_a_500_on_a_poll_are_retried_by_the_sdk_as_the_journal_shows() {
    s.fault("{\"when\":{\"endpoint\":\"create\",\"nth\":1},\"do\":{\"status\":429,"
        + "\"retryAfter\":\"1s\"}}");
    s.fault("{\"when\":{\"endpoint\":\"get\",\"nth\":1},\"do\":{\"status\":500}}");
    JsonNode r = run("replicate-retry.mjs");
    assertThat(r.path("status").asText()).isEqualTo("succeeded");
    List<JsonNode> creates = s.journal("request").stream()
        .filter(l -> l.path("path").asText().equals(CREATE)).toList();
    assertThat(creates).as("the SDK sent the create twice").hasSize(2);
    List<Integer> statuses = s.journal("response").stream().map(l -> l.path("status").asInt())
        .toList();
    assertThat(statuses).contains(429, 500, 201);
    assertThat(s.journal("job_created")).as("the retried create made one job").hasSize(1);
    assertThat(s.journal("ledger")).filteredOn(l -> l.path("type").asText().equals("capture"))
        .singleElement().satisfies(l -> assertThat(l.path("amount").asText()).isEqualTo("1.60"));
  }

  @Test
  void an_unknown_model_is_the_sdks_api_error_and_a_failed_prediction_throws_from_run() {
    s.fault("{\"when\":{\"endpoint\":\"create\",\"model\":\"google/veo-3.1\"},"
        + "\"do\":{\"outcome\":\"error\"}}");
    JsonNode r = run("replicate-errors.mjs");
    JsonNode unknown = r.path("unknownModel");
    assertThat(unknown.path("name").asText()).isEqualTo("ApiError");
    assertThat(unknown.path("status").asInt()).isEqualTo(404);
    assertThat(unknown.path("contentType").asText()).isEqualTo("application/problem+json");
    JsonNode failed = r.path("failed");
    assertThat(failed.path("message").asText())
        .isEqualTo("Prediction failed: the provider failed to render the video");
    assertThat(s.balance(KEY)).isEqualTo("10.00");
  }

  @Test
  void cancel_ends_the_prediction_canceled_and_uncharged() {
    // the clock runs at many times real speed: on a loaded machine a 30 s render could end
    // before the script's cancel arrives, so this prediction never finishes by itself
    s.fault("{\"when\":{\"endpoint\":\"create\"},\"do\":{\"outcome\":\"stuck\"}}");
    JsonNode r = run("replicate-cancel.mjs");
    assertThat(r.path("cancelStatus").asText()).isEqualTo("canceled");
    assertThat(r.path("status").asText()).isEqualTo("canceled");
    assertThat(s.balance(KEY)).isEqualTo("10.00");
  }

  @Test
  void the_receiver_gets_start_then_completed_each_accepted_by_validate_webhook() {
    JsonNode r = run("replicate-webhook.mjs");
    assertThat(r.path("statuses").toString()).as("by webhook-timestamp; arrived as "
        + r.path("arrived")).isEqualTo("[\"processing\",\"succeeded\"]");
    assertThat(r.path("valid").toString()).isEqualTo("[true,true]");
    assertThat(r.path("forged").asBoolean()).isFalse();
    assertThat(r.path("ids").toString()).isEqualTo("[\"" + r.path("id").asText() + "\",\""
        + r.path("id").asText() + "\"]");
    assertThat(r.path("output").asText()).endsWith("/output.mp4");
    // sent in this order; over HTTP on an accelerated clock they may arrive either way
    assertThat(s.journal("webhook_event")).extracting(l -> l.path("type").asText())
        .containsExactly("start", "completed");
  }
}
