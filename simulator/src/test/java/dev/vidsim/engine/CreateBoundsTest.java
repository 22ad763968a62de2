package dev.vidsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.jobs.CreateRequest;
import dev.vidsim.jobs.JobView;
import dev.vidsim.scenario.ScenarioLoader;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The edges of what a create may ask, each side of each bound: the prompt's length, the number
 * of input images, the seconds a model renders, the Idempotency-Key's length and characters.
 * The value on the bound is accepted; one past it is refused, naming the field.
 */
class CreateBoundsTest {
  private static final String KEY = "sk-a";
  private final Simulator sim = new Simulator(ScenarioLoader.parse("bounds.yaml", """
      schemaVersion: 1
      name: bounds
      seed: 1
      accounts:
        - { apiKey: sk-a, tier: free, region: us-east, balance: "1000.00" }
      models:
        - id: clip
          modes: [text-to-video, image-to-video]
          resolutions: [720p]
          regions: [us-east]
          minSeconds: 2
          maxSeconds: 10
          defaultSeconds: 4
          pricing: { unit: second, price: "0.10", billOn: create }
          latency: { queued: 1s, render: 10s }
      """));

  @AfterEach
  void close() {
    sim.close();
  }

  private JobView create(String prompt, List<String> images, String seconds, String key) {
    CreateRequest r = new CreateRequest("clip", prompt, null,
        seconds == null ? null : new BigDecimal(seconds), null, images, null);
    return sim.call(e -> e.jobs().create(KEY, r, key));
  }

  private static String refusedField(Runnable create) {
    try {
      create.run();
    } catch (SimException e) {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
      return e.getMessage().substring(0, e.getMessage().indexOf(':'));
    }
    throw new AssertionError("accepted");
  }

  @Test
  void a_prompt_of_10000_characters_is_taken_and_one_more_is_refused() {
    assertThat(create("p".repeat(10_000), List.of(), null, null).prompt()).hasSize(10_000);
    assertThat(refusedField(() -> create("p".repeat(10_001), List.of(), null, null)))
        .isEqualTo("prompt");
  }

  @Test
  void eight_input_images_are_taken_and_a_ninth_is_refused() {
    List<String> eight = Collections.nCopies(8, "https://example.com/a.png");
    assertThat(create("a cat", eight, null, null).mode()).isEqualTo("image-to-video");
    List<String> nine = Collections.nCopies(9, "https://example.com/a.png");
    assertThat(refusedField(() -> create("a cat", nine, null, null))).isEqualTo("images");
  }

  @Test
  void seconds_from_the_models_minimum_to_its_maximum_are_taken_and_outside_refused() {
    assertThat(create("a cat", List.of(), "2", null).seconds()).isEqualByComparingTo("2");
    assertThat(create("a cat", List.of(), "10", null).seconds()).isEqualByComparingTo("10");
    assertThat(create("a cat", List.of(), null, null).seconds())
        .as("the default when none is asked").isEqualByComparingTo("4");
    assertThat(refusedField(() -> create("a cat", List.of(), "1.9", null)))
        .isEqualTo("seconds");
    assertThat(refusedField(() -> create("a cat", List.of(), "10.1", null)))
        .isEqualTo("seconds");
  }

  @Test
  void a_key_of_1_to_255_printable_characters_is_taken_and_others_are_refused() {
    assertThat(create("a cat", List.of(), null, "k".repeat(255)).idempotencyKey())
        .hasSize(255);
    assertThat(create("a cat", List.of(), null, "!").idempotencyKey()).isEqualTo("!");
    assertThat(create("a cat", List.of(), null, "~").idempotencyKey()).isEqualTo("~");
    for (String bad : new String[] {"k".repeat(256), "", "a b", "a\u007fb", "a\u001fb"}) {
      assertThat(refusedField(() -> create("a cat", List.of(), null, bad)))
          .as("key '%s'", bad).isEqualTo("Idempotency-Key");
    }
  }
}
