package dev.vidsim.webhooks;

import static dev.vidsim.faults.SimFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vidsim.check.HookReceiver;
import dev.vidsim.faults.SimFixture;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhooks to a loopback receiver: signature, body, retries with backoff, 410, timeouts. */
public class WebhookDeliveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HookReceiver receiver = new HookReceiver();
  /**
   * Real time the simulator waits for the receiver: far above a loaded CI machine's answer time,
   * so only a deliberate stall counts as a timeout (at 300 ms a slow 410 was retried as one).
   */
  private static final long TIMEOUT_MILLIS = 10_000;
  private final SimFixture sim = new SimFixture("webhooks: { timeout: " + TIMEOUT_MILLIS
      + "ms }\n");

  @AfterEach
  void close() {
    sim.close();
    receiver.close();
  }

  private String createWithHook() {
    return sim.as(ALICE).body("{\"model\":\"task-1\",\"prompt\":\"a cat\",\"webhookUrl\":\""
        + receiver.url() + "\"}").post("/v1/videos").then().statusCode(201).extract().path("id");
  }

  /** Standard Webhooks verification, written independently of the simulator's signer. */
  public static String expectedSignature(String secret, String id, String ts, String body)
      throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
    return "v1," + Base64.getEncoder().encodeToString(
        mac.doFinal((id + "." + ts + "." + body).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void a_finished_job_posts_a_signed_event_carrying_the_job_as_get_returns_it() throws Exception {
    String id = createWithHook();
    sim.advance("2m");
    List<HookReceiver.Delivery> got = receiver.deliveries();
    assertThat(got).hasSize(1);
    HookReceiver.Delivery d = got.get(0);
    String secret = sim.as(ALICE).get("/v1/webhooks/secret").then().statusCode(200)
        .extract().path("key");
    assertThat(secret).startsWith("whsec_");
    assertThat(d.signature()).isEqualTo(expectedSignature(secret, d.id(), d.timestamp(), d.body()));
    JsonNode event = JSON.readTree(d.body());
    assertThat(event.get("id").asText()).isEqualTo(d.id()).startsWith("evt_");
    assertThat(event.get("type").asText()).isEqualTo("video.completed");
    assertThat(event.get("object").asText()).isEqualTo("event");
    assertThat(event.get("createdAt").asText()).isEqualTo("2026-01-01T00:01:02Z");
    assertThat(d.timestamp()).isEqualTo("1767225662");
    JsonNode job = JSON.readTree(sim.as(ALICE).get("/v1/videos/" + id).asString());
    assertThat(event.get("data")).isEqualTo(job);
  }

  @Test
  void non_2xx_answers_are_retried_on_the_backoff_schedule_until_delivered() {
    receiver.answer(List.of(500, 503));
    createWithHook();
    sim.advance("2m");
    assertThat(statuses()).containsExactly(500, 503);
    sim.advance("5m");
    assertThat(statuses()).containsExactly(500, 503, 200);
    sim.admin().get("/_sim/webhooks").then().body("data.at", equalTo(List.of(
        "2026-01-01T00:01:02Z", "2026-01-01T00:01:07Z", "2026-01-01T00:06:07Z")))
        .body("data.attempt", equalTo(List.of(1, 2, 3)));
    sim.advance("24h");
    assertThat(receiver.deliveries()).hasSize(3);
  }

  @Test
  void a_410_answer_stops_all_further_attempts() {
    receiver.answer(List.of(410));
    createWithHook();
    sim.advance("48h");
    assertThat(statuses()).containsExactly(410);
    assertThat(sim.admin().get("/_sim/journal").asString())
        .contains("\"kind\":\"webhook_stopped\"");
  }

  @Test
  void an_attempt_that_times_out_is_retried() {
    receiver.stallNext(TIMEOUT_MILLIS + 2_000);
    createWithHook();
    sim.advance("2m");
    sim.admin().get("/_sim/webhooks").then().body("data[0].status", equalTo(0))
        .body("data[0].error", equalTo("timeout")).body("data[1].status", equalTo(200));
  }

  @Test
  void every_attempt_is_in_the_journal() {
    receiver.answer(List.of(500));
    createWithHook();
    sim.advance("2m");
    String journal = sim.admin().get("/_sim/journal").asString();
    assertThat(journal.lines().filter(l -> l.contains("\"kind\":\"webhook_attempt\""))).hasSize(2);
    assertThat(journal).contains("\"kind\":\"webhook_retry\"", "\"kind\":\"webhook_delivered\"");
  }

  @Test
  void a_tenant_callback_url_receives_events_of_jobs_created_without_one() {
    sim.admin().body("{\"url\":\"" + receiver.url() + "\"}")
        .post("/_sim/tenants/" + ALICE + "/webhook").then().statusCode(200);
    sim.as(ALICE).body(SimFixture.create("task-1")).post("/v1/videos").then().statusCode(201);
    sim.advance("2m");
    assertThat(receiver.deliveries()).hasSize(1);
  }

  private List<Integer> statuses() {
    return receiver.deliveries().stream().map(HookReceiver.Delivery::status).toList();
  }

  @Test
  void a_redirect_is_never_followed_and_an_abandoned_event_marks_the_job() {
    receiver.answerWith(java.util.Collections.nCopies(8, new HookReceiver.Answer(301,
        java.util.Map.of("Location", "https://hooks.example.test/v"))));
    String id = createWithHook();
    sim.advance("2d");
    assertThat(receiver.deliveries()).hasSize(8).allMatch(d -> d.status() == 301);
    assertThat(sim.admin().get("/_sim/journal").asString())
        .contains("\"redirect\":\"not followed\",\"location\":\"https://hooks.example.test/v\"")
        .contains("webhook_failed");
    sim.admin().get("/_sim/jobs").then().body("data[0].id", equalTo(id))
        .body("data[0].webhook.status", equalTo("abandoned"))
        .body("data[0].webhook.attempts", equalTo(8));
  }
}
