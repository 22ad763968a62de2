package dev.vidsim.dialect.fal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vidsim.check.HookReceiver;
import dev.vidsim.faults.SimFixture;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * fal's webhooks as a receiver sees them: the body fal documents, signed with Ed25519 over
 * request id, user id, timestamp and the body's SHA-256, verifiable with the public key from
 * the simulator's JWKS using the JDK alone, as fal's own receivers verify with fal's JWKS.
 */
class FalWebhookTest {
  /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410), before the 32 bytes. */
  private static final String ED25519_X509_PREFIX = "302a300506032b6570032100";
  final SimFixture fx = SimFixture.of(SimFixture.BASE + FalContractTest.MODELS);
  final HookReceiver receiver = new HookReceiver();

  @AfterEach
  void close() {
    receiver.close();
    fx.close();
  }

  RequestSpecification api() {
    return RestAssured.given().baseUri(fx.server.dialectBaseUrl("fal"))
        .header("Authorization", "Key " + SimFixture.ALICE).contentType("application/json");
  }

  String submitWithWebhook() {
    return api().body(FalContractTest.INPUT).post(FalContractTest.APP + "?fal_webhook="
        + receiver.url()).then().statusCode(200).extract().path("request_id");
  }

  /** The receiver's side: the JWKS fetched without a key, each Ed25519 key in it. */
  PublicKey jwksKey() throws GeneralSecurityException {
    JsonNode key = RestAssured.get(fx.server.baseUrl() + "/fal/.well-known/jwks.json").then()
        .statusCode(200).contentType("application/json").extract().as(JsonNode.class)
        .get("keys").get(0);
    assertThat(key.path("kty").asText()).isEqualTo("OKP");
    assertThat(key.path("crv").asText()).isEqualTo("Ed25519");
    byte[] raw = Base64.getUrlDecoder().decode(key.path("x").asText());
    byte[] der = HexFormat.of().parseHex(ED25519_X509_PREFIX + HexFormat.of().formatHex(raw));
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
  }

  /** fal's documented check: the signature over id, user, timestamp and sha256(body). */
  static boolean verifies(PublicKey key, HookReceiver.Delivery d, String body)
      throws GeneralSecurityException {
    String message = String.join("\n", d.header("X-Fal-Webhook-Request-Id"),
        d.header("X-Fal-Webhook-User-Id"), d.header("X-Fal-Webhook-Timestamp"),
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(body.getBytes(StandardCharsets.UTF_8))));
    Signature s = Signature.getInstance("Ed25519");
    s.initVerify(key);
    s.update(message.getBytes(StandardCharsets.UTF_8));
    return s.verify(HexFormat.of().parseHex(d.header("X-Fal-Webhook-Signature")));
  }

  @Test
  void the_completed_request_arrives_signed_and_verifies_with_the_jwks_key_a_forgery_does_not()
      throws Exception {
    String id = submitWithWebhook();
    fx.advance("5m");
    assertThat(receiver.deliveries()).hasSize(1);
    HookReceiver.Delivery d = receiver.deliveries().get(0);
    JsonNode body = new ObjectMapper().readTree(d.body());
    assertThat(body.path("request_id").asText()).isEqualTo(id);
    assertThat(body.path("gateway_request_id").asText()).isEqualTo(id);
    assertThat(body.path("status").asText()).isEqualTo("OK");
    assertThat(body.path("error").isNull()).isTrue();
    assertThat(body.path("payload").path("video").path("url").asText()).startsWith("http://")
        .endsWith("/output.mp4");
    assertThat(d.header("X-Fal-Webhook-Request-Id")).isEqualTo(id);
    assertThat(d.header("X-Fal-Webhook-User-Id")).isNotBlank().doesNotContain(SimFixture.ALICE);
    // the job ended at 62 s of simulated time: the timestamp is the simulated clock's
    assertThat(d.header("X-Fal-Webhook-Timestamp")).isEqualTo("1767225662");
    assertThat(d.header("webhook-signature")).as("no Standard Webhooks headers").isNull();
    PublicKey key = jwksKey();
    assertThat(verifies(key, d, d.body())).isTrue();
    assertThat(verifies(key, d, d.body().replace("\"OK\"", "\"ERROR\""))).isFalse();
  }

  @Test
  void a_failed_request_is_an_error_with_the_results_error_body_as_payload() throws Exception {
    fx.addFault("{\"when\":{\"endpoint\":\"create\"},\"do\":{\"outcome\":\"error\"}}");
    submitWithWebhook();
    fx.advance("5m");
    HookReceiver.Delivery d = receiver.deliveries().get(0);
    JsonNode body = new ObjectMapper().readTree(d.body());
    assertThat(body.path("status").asText()).isEqualTo("ERROR");
    assertThat(body.path("error").asText()).isEqualTo("Invalid status code: 500");
    assertThat(body.path("payload").path("error_type").asText()).isEqualTo("runner_server_error");
    assertThat(verifies(jwksKey(), d, d.body())).isTrue();
  }
}
