package dev.vidsim.testcontainers;

// The README's "Use with Testcontainers" shows this file from "readme:start" to the end, without
// the lines between "readme:skip" and "readme:resume"; ReadmeExamplesTest keeps them identical.
// readme:start
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.testcontainers.VidsimContainer;
import dev.vidsim.testkit.VidsimAdmin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

// readme:skip
// this build only: skip without Docker, build the image if needed
@org.junit.jupiter.api.extension.ExtendWith(VidsimImage.class)
// readme:resume
@Testcontainers(disabledWithoutDocker = true) // skipped where no Docker engine answers
class VidsimReadmeExampleIT {
  @Container // static: one simulator for the class (image vidsim:<version>, built-in scenario)
  static VidsimContainer vidsim = new VidsimContainer().withSeed(42);

  @Test
  void a_six_second_video_is_billed_0_60_once_delivered() throws Exception {
    HttpRequest create = HttpRequest.newBuilder(URI.create(vidsim.getUrl("/v1/videos")))
        .header("Authorization", "Bearer sk-test-alice") // a tenant of the built-in scenario
        .header("Idempotency-Key", "readme-1")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"model\":\"reel-1\",\"prompt\":\"a cat surfing\",\"seconds\":6}"))
        .build();
    HttpResponse<String> created = HttpClient.newHttpClient()
        .send(create, HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(201);

    VidsimAdmin admin = vidsim.getAdminClient(); // sends the container's admin token
    admin.advance(Duration.ofMinutes(3)); // simulated time: returns at once, the job is done

    JsonNode ledger = admin.ledger("sk-test-alice");
    assertThat(ledger.get("data")).extracting(line -> line.get("type").asText())
        .containsExactly("topup", "hold", "capture");
    assertThat(ledger.at("/balance/balance").asText()).isEqualTo("9.40");
  }
}
