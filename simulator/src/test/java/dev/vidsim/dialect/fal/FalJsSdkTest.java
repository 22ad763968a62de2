package dev.vidsim.dialect.fal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.sdk.JsSdkTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The official {@code @fal-ai/client} 1.10.1, pointed at vidsim by a request middleware or by
 * its proxy option, against the default scenario on an accelerated clock.
 */
class FalJsSdkTest extends JsSdkTest {
  static final String SUBMIT = "/fal/queue/fal-ai/veo3.1";

  @Test
  void subscribe_waits_for_completed_and_fetches_the_video_via_middleware_and_via_proxy() {
    JsonNode r = run("fal-subscribe.mjs");
    for (String way : List.of("middleware", "proxy")) {
      JsonNode w = r.path(way);
      assertThat(w.path("statuses").toString()).as(way).contains("COMPLETED");
      assertThat(w.path("video").path("content_type").asText()).isEqualTo("video/mp4");
      assertThat(w.path("download").path("mp4").asBoolean()).as(way).isTrue();
    }
    assertThat(s.journal("request")).anyMatch(l -> l.path("path").asText().equals("/fal/proxy"))
        .anyMatch(l -> l.path("path").asText().equals(SUBMIT));
    // two 8 s videos at 720p with audio, $0.40 per second, billed on delivery
    assertThat(s.balance(KEY)).isEqualTo("3.60");
  }

  @Test
  void a_429_on_submit_and_a_500_on_a_status_poll_are_retried_by_the_client() {
    s.fault("{\"when\":{\"endpoint\":\"create\",\"nth\":1},\"do\":{\"status\":429}}");
    s.fault("{\"when\":{\"endpoint\":\"get\",\"nth\":1},\"do\":{\"status\":500}}");
    JsonNode r = run("fal-retry.mjs");
    assertThat(r.path("url").asText()).contains("/fal/files/");
    List<JsonNode> submits = s.journal("request").stream()
        .filter(l -> l.path("path").asText().equals(SUBMIT)).toList();
    assertThat(submits).as("the client sent the submit twice").hasSize(2);
    assertThat(s.journal("response").stream().map(l -> l.path("status").asInt()).toList())
        .contains(429, 500);
    assertThat(s.journal("job_created")).hasSize(1);
    assertThat(s.balance(KEY)).isEqualTo("8.40");
  }

  @Test
  void an_unknown_endpoint_is_an_api_error_and_a_failed_generation_completes_uncharged() {
    s.fault("{\"when\":{\"endpoint\":\"create\",\"model\":\"fal-ai/veo3.1\"},"
        + "\"do\":{\"outcome\":\"error\"}}");
    JsonNode r = run("fal-errors.mjs");
    assertThat(r.path("unknownModel").path("name").asText()).isEqualTo("ApiError");
    assertThat(r.path("unknownModel").path("status").asInt()).isEqualTo(404);
    JsonNode failed = r.path("failed");
    assertThat(failed.path("lastStatus").asText()).isEqualTo("COMPLETED");
    assertThat(failed.path("status").asInt()).isEqualTo(500);
    assertThat(failed.path("body").path("error_type").asText()).isEqualTo("runner_server_error");
    assertThat(s.balance(KEY)).isEqualTo("10.00");
  }

  @Test
  void cancel_completes_the_request_as_client_cancelled_and_uncharged() {
    JsonNode r = run("fal-cancel.mjs");
    assertThat(r.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(r.path("errorType").asText()).isEqualTo("client_cancelled");
    assertThat(s.balance(KEY)).isEqualTo("10.00");
  }

  @Test
  void a_webhook_receiver_verifies_the_ed25519_signature_with_the_jwks_and_rejects_a_forgery() {
    JsonNode r = run("fal-webhook.mjs");
    assertThat(r.path("keys").asInt()).isEqualTo(1);
    assertThat(r.path("valid").asBoolean()).isTrue();
    assertThat(r.path("forged").asBoolean()).isFalse();
    assertThat(r.path("status").asText()).isEqualTo("OK");
    assertThat(r.path("sentId").asText()).isEqualTo(r.path("requestId").asText());
    assertThat(r.path("video").asText()).endsWith("/output.mp4");
    assertThat(s.journal("webhook_delivered")).hasSize(1);
  }
}
