package dev.vidsim.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.faults.SimFixture;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every dialect that takes a webhook URL on create refuses one outside the allowlist there, in
 * its own envelope, saying why, before anything is charged or created; the same
 * create with a loopback URL is accepted (so the refusal is the allowlist's). Vertex refuses
 * webhookConfig altogether; OpenAI and Runway take no webhook URL on create.
 */
class WebhookAllowlistDialectsTest {
  private static final String POOL = """
      aggregators:
        openrouter:
          models:
            - id: google/veo-3.1
              upstreams: [{ provider: fal, model: fal-ai/veo3.1 }]
      """;
  private final SimFixture fx = new SimFixture(HostileRoutes.MODELS + POOL);

  @AfterEach
  void close() {
    fx.close();
  }

  /** A create whose body (or query) holds %s where the webhook URL goes. */
  static Stream<Arguments> creates() {
    return Stream.of(
        Arguments.of("vidsim", "/v1/videos",
            "{\"model\":\"task-1\",\"prompt\":\"a\",\"webhookUrl\":\"%s\"}", "webhookUrl"),
        Arguments.of("gemini", "/gemini/v1beta/models/task-1:predictLongRunning",
            "{\"instances\":[{\"prompt\":\"a\"}],\"webhookConfig\":{\"uris\":[\"%s\"]}}",
            "webhookConfig.uris"),
        Arguments.of("replicate", "/replicate/v1/models/acme/clip/predictions",
            "{\"input\":{\"prompt\":\"a\"},\"webhook\":\"%s\"}", "webhook"),
        Arguments.of("fal", "/fal/queue/fal-ai/veo3.1?fal_webhook=%s",
            "{\"prompt\":\"a\",\"duration\":\"8s\"}", "fal_webhook"),
        Arguments.of("openrouter", "/openrouter/api/v1/videos",
            "{\"model\":\"google/veo-3.1\",\"prompt\":\"a\",\"duration\":8,"
                + "\"callback_url\":\"%s\"}", "callback_url"));
  }

  private Response create(String path, String body, String url) {
    String key = path.startsWith("/fal/") ? "Key " : "Bearer ";
    return RestAssured.given().baseUri(fx.server.baseUrl())
        .header("Authorization", key + SimFixture.ALICE).contentType("application/json")
        .urlEncodingEnabled(false).body(String.format(body, url))
        .post(String.format(path, url));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("creates")
  void a_webhook_outside_the_allowlist_is_refused_at_create_naming_the_field(String dialect,
      String path, String body, String field) {
    String ledger = fx.sim.call(e -> e.ledger().all().toString());
    int jobs = fx.sim.call(e -> e.jobs().all().size());
    for (String url : new String[] {"http://example.com/hook", "http://10.0.0.8/h",
        "http://169.254.169.254/latest/meta-data"}) {
      Response r = create(path, body, url);
      assertThat(r.statusCode()).as(dialect + " " + url + ": " + r.asString())
          .isIn(400, 422);
      Map<String, String> headers = new HashMap<>();
      r.headers().forEach(h -> headers.put(h.getName().toLowerCase(Locale.ROOT), h.getValue()));
      assertThat(Envelope.forPath(path).problem(new RawHttp.Response(r.statusCode(), headers,
          r.asString()))).as(dialect + " envelope: " + r.asString()).isNull();
      assertThat(r.asString()).as(dialect + ", wire field " + field).contains(field)
          .contains("host")
          .contains("is not allowed");
      if (!dialect.equals("vidsim")) {
        assertThat(r.asString()).as(dialect + " names its own field").doesNotContain("webhookUrl");
      }
    }
    String ledgerAfter = fx.sim.call(e -> e.ledger().all().toString());
    int jobsAfter = fx.sim.call(e -> e.jobs().all().size());
    assertThat(ledgerAfter).as("ledger").isEqualTo(ledger);
    assertThat(jobsAfter).as("jobs").isEqualTo(jobs);
    Response loopback = create(path, body, "http://127.0.0.1:9/hook");
    assertThat(loopback.statusCode()).as(dialect + ": " + loopback.asString()).isBetween(200,
        202);
  }
}
