package dev.vidsim.webhooks;

import static dev.vidsim.faults.SimFixture.ALICE;
import static dev.vidsim.faults.SimFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.vidsim.faults.SimFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The allowlist (loopback unless listed) and seeded secrets. */
class WebhookTargetTest {
  private final SimFixture sim = new SimFixture("""
      webhooks: { allow: [hooks.internal.test] }
      """);

  @AfterEach
  void close() {
    sim.close();
  }

  private io.restassured.response.ValidatableResponse create(String url) {
    return sim.as(ALICE).body("{\"model\":\"task-1\",\"prompt\":\"p\",\"webhookUrl\":\"" + url
        + "\"}").post("/v1/videos").then();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://example.com/hook", "https://10.0.0.8/h", "ftp://127.0.0.1/x",
      "http:///nohost", "not a url"})
  void targets_outside_the_allowlist_are_refused_at_create_without_charge(String url) {
    create(url).statusCode(400).body("error.details.field", equalTo("webhookUrl"));
    assertThat(sim.balance(ALICE)).isEqualTo("10.00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:9/h", "http://localhost:9/h", "http://[::1]:9/h",
      "https://hooks.internal.test/h"})
  void loopback_and_listed_hosts_are_accepted(String url) {
    create(url).statusCode(201);
  }

  @Test
  void the_refusal_says_how_to_allow_a_host() {
    create("http://example.com/hook").body("error.message", containsString("webhooks.allow"));
  }

  @Test
  void secrets_come_from_the_seed_and_differ_per_tenant() {
    String alice = secret(sim, ALICE);
    assertThat(alice).startsWith(Signer.PREFIX);
    // Standard Webhooks: base64 of 24 to 64 random bytes
    assertThat(java.util.Base64.getDecoder().decode(alice.substring(Signer.PREFIX.length())))
        .hasSizeBetween(24, 64);
    assertThat(secret(sim, BOB)).startsWith(Signer.PREFIX).isNotEqualTo(alice);
    try (SimFixture sameSeed = new SimFixture()) {
      assertThat(secret(sameSeed, ALICE)).isEqualTo(alice);
    }
    try (SimFixture otherSeed = SimFixture.of(SimFixture.BASE.replace("seed: 11", "seed: 12"))) {
      assertThat(secret(otherSeed, ALICE)).isNotEqualTo(alice);
    }
  }

  private static String secret(SimFixture fixture, String apiKey) {
    return fixture.as(apiKey).get("/v1/webhooks/secret").then().statusCode(200).extract()
        .path("key");
  }

  @Test
  void a_secret_handed_out_never_reaches_the_journal() {
    String secret = sim.as(ALICE).get("/v1/webhooks/secret").then().statusCode(200).extract()
        .path("key");
    String journal = sim.admin().get("/_sim/journal").asString();
    assertThat(journal).doesNotContain(secret.substring(Signer.PREFIX.length()))
        .contains("\"key\":\"whsec_[redacted]\"");
  }
}
