package dev.vidsim.http;

import static dev.vidsim.faults.SimFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.engine.Simulator;
import dev.vidsim.faults.SimFixture;
import dev.vidsim.scenario.ScenarioLoader;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a guarded simulator keeps to itself: the admin token and the tenants' webhook secrets
 * never reach the journal, the log or an error body, and the token is compared in constant time.
 */
class SecretsExposureTest {
  private static final String TOKEN = "adm-7Qf2-very-secret-token";

  @Test
  void the_admin_token_and_webhook_secrets_never_reach_the_journal_logs_or_errors() {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(logs, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    String journal;
    List<String> secrets;
    try (Simulator sim = new Simulator(ScenarioLoader.parse("t.yaml", SimFixture.BASE
             + HostileRoutes.MODELS));
         VidsimServer server = VidsimServer.start(sim, "127.0.0.1", 0, TOKEN)) {
      RequestSpecification alice = RestAssured.given().baseUri(server.baseUrl())
          .header("Authorization", "Bearer " + ALICE).contentType("application/json");
      // wrong tokens: another value of the same length, the token's prefix, the token plus one
      for (String wrong : List.of(TOKEN.replace('Q', 'R'), TOKEN.substring(0, 10), TOKEN + "x")) {
        String body = admin(server, wrong).get("/_sim/ledger?tenant=" + ALICE).then()
            .statusCode(401).extract().asString();
        assertThat(body).doesNotContain(wrong);
      }
      admin(server, TOKEN).get("/_sim/health").then().statusCode(200);
      RestAssured.given().baseUri(server.baseUrl()).header("Authorization", "Bearer " + TOKEN)
          .get("/_sim/ledger?tenant=" + ALICE).then().statusCode(200);
      secrets = List.of(
          alice.get("/v1/webhooks/secret").then().statusCode(200).extract().path("key"),
          alice.get("/replicate/v1/webhooks/default/secret").then().statusCode(200).extract()
              .path("key"));
      alice.body("{\"model\":\"task-1\",\"prompt\":\"a\",\"webhookUrl\":\"http://127.0.0.1:9/h\"}")
          .post("/v1/videos").then().statusCode(201);
      admin(server, TOKEN).body("{\"by\":\"70s\"}").post("/_sim/clock/advance").then()
          .statusCode(200); // the job ends: its webhook is signed with the secret and sent
      journal = admin(server, TOKEN).get("/_sim/journal").asString();
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    assertThat(journal).contains("\"kind\":\"webhook").contains("/v1/webhooks/secret");
    String logText = logs.toString(StandardCharsets.UTF_8);
    for (String leak : List.of(journal, logText)) {
      assertThat(leak).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(0, 10));
      for (String secret : secrets) {
        assertThat(leak).doesNotContain(secret.substring(secret.indexOf('_') + 1));
      }
    }
  }

  private static RequestSpecification admin(VidsimServer server, String token) {
    return RestAssured.given().baseUri(server.baseUrl()).header(VidsimServer.ADMIN_TOKEN_HEADER,
        token).contentType("application/json");
  }

  /** String.equals stops at the first differing byte: how long a guess took tells its prefix. */
  @Test
  void the_admin_token_is_compared_with_message_digest_is_equal() throws IOException {
    Path source = Path.of("src/main/java/dev/vidsim/http/VidsimServer.java");
    String text = Files.readString(Files.exists(source) ? source : Path.of("simulator")
        .resolve(source));
    assertThat(text).contains("MessageDigest.isEqual(expected.getBytes(")
        .doesNotContainPattern("adminToken\\s*\\.\\s*equals|equals\\(\\s*adminToken");
  }
}
