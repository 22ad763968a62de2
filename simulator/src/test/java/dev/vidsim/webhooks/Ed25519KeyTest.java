package dev.vidsim.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.engine.Simulator;
import dev.vidsim.scenario.ScenarioLoader;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ed25519KeyTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void a_seed_gives_rfc_8032s_public_key_and_signature() {
    // RFC 8032 section 7.1, TEST 1: the empty message
    Ed25519Key key = Ed25519Key.fromSeed(HEX.parseHex(
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    assertThat(HEX.formatHex(key.publicKey()))
        .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    assertThat(HEX.formatHex(key.sign(new byte[0]))).isEqualTo("e5564300c360ac729086e2cc806e828a"
        + "84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
        + "d25bf5f0595bbe24655141438e7a100b");
    assertThat(key.keyId()).isEqualTo("d75a980182b10ab7");
  }

  @Test
  void a_seed_is_32_bytes() {
    assertThatThrownBy(() -> Ed25519Key.fromSeed(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
  }

  @Test
  void the_simulators_key_comes_from_the_scenario_seed() {
    assertThat(publicKey(11)).isEqualTo(publicKey(11)).isNotEqualTo(publicKey(12));
  }

  private static String publicKey(long seed) {
    try (Simulator sim = new Simulator(ScenarioLoader.parse("k.yaml", """
        schemaVersion: 1
        name: key
        seed: %d
        models:
          - { id: m, modes: [text-to-video], regions: [us-east],
              pricing: { unit: task, price: "0.10" } }
        """.formatted(seed)))) {
      return HEX.formatHex(sim.call(e -> e.webhookPublicKey().publicKey()));
    }
  }
}
