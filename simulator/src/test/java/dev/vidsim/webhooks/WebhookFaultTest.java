package dev.vidsim.webhooks;

import static dev.vidsim.faults.SimFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.check.HookReceiver;
import dev.vidsim.faults.SimFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhook faults: drop, duplicate, delay, reorder. */
class WebhookFaultTest {
  private final HookReceiver receiver = new HookReceiver();
  private final SimFixture sim = new SimFixture();

  @AfterEach
  void close() {
    sim.close();
    receiver.close();
  }

  private String create(String prompt) {
    return sim.as(ALICE).body("{\"model\":\"task-1\",\"prompt\":\"" + prompt
        + "\",\"webhookUrl\":\"" + receiver.url() + "\"}").post("/v1/videos").then()
        .statusCode(201).extract().path("id");
  }

  @Test
  void a_dropped_event_is_never_delivered() {
    sim.addFault("{\"do\":{\"webhook\":\"drop\"}}");
    create("p");
    sim.advance("24h");
    assertThat(receiver.deliveries()).isEmpty();
  }

  @Test
  void a_duplicated_event_arrives_twice_with_the_same_webhook_id() {
    sim.addFault("{\"when\":{\"event\":\"video.completed\"},\"do\":{\"webhook\":\"duplicate\"}}");
    create("p");
    sim.advance("2m");
    assertThat(receiver.deliveries()).hasSize(2);
    assertThat(receiver.deliveries().get(0).id()).isEqualTo(receiver.deliveries().get(1).id());
    assertThat(receiver.deliveries().get(0).body()).isEqualTo(receiver.deliveries().get(1).body());
  }

  @Test
  void a_delayed_event_arrives_after_the_delay() {
    sim.addFault("{\"do\":{\"webhook\":\"delay\",\"delay\":\"10m\"}}");
    create("p");
    sim.advance("11m");
    assertThat(receiver.deliveries()).isEmpty();
    sim.advance("1m");
    assertThat(receiver.deliveries()).hasSize(1);
  }

  @Test
  void a_reordered_event_is_overtaken_by_a_later_one() {
    sim.addFault("{\"when\":{\"nth\":1},\"do\":{\"webhook\":\"reorder\",\"delay\":\"5m\"}}");
    String first = create("first");
    sim.advance("1m");
    String second = create("second");
    sim.advance("10m");
    assertThat(receiver.deliveries()).hasSize(2);
    assertThat(receiver.deliveries().get(0).body()).contains(second);
    assertThat(receiver.deliveries().get(1).body()).contains(first);
  }
}
