package dev.vidsim.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.random.SimRandom;
import org.junit.jupiter.api.Test;

class IdSchemeTest {
  @Test
  void a_prefixed_id_is_the_prefix_and_the_streams_24_hex_digits() {
    String id = IdScheme.prefixed("video_").draw(new SimRandom(7), "ids/k");
    assertThat(id).isEqualTo("video_" + new SimRandom(7).hexId("ids/k", 24));
  }

  @Test
  void base32_ids_look_like_replicates_and_uuids_like_fals() {
    SimRandom random = new SimRandom(7);
    for (int i = 0; i < 200; i++) {
      assertThat(IdScheme.BASE32.draw(random, "ids/k")).matches("[a-z2-7]{26}");
      assertThat(IdScheme.UUID.draw(random, "ids/k"))
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }
  }

  @Test
  void the_same_seed_draws_the_same_ids() {
    assertThat(IdScheme.UUID.draw(new SimRandom(3), "s"))
        .isEqualTo(IdScheme.UUID.draw(new SimRandom(3), "s"))
        .isNotEqualTo(IdScheme.UUID.draw(new SimRandom(4), "s"));
  }

  @Test
  void a_prefix_outside_lowercase_letters_and_underscore_is_refused() {
    assertThatThrownBy(() -> IdScheme.prefixed("Vid-")).isInstanceOf(
        IllegalArgumentException.class);
  }
}
