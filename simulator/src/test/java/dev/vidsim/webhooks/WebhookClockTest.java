package dev.vidsim.webhooks;

import static dev.vidsim.faults.SimFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vidsim.check.HookReceiver;
import dev.vidsim.faults.SimFixture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Webhooks and the clock: no deadlock when the receiver calls back; the real-time ticker. */
class WebhookClockTest {
  @Test
  void a_receiver_may_call_the_api_while_the_clock_waits_for_its_answer() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (SimFixture sim = new SimFixture()) {
      HttpServer hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
          0), 0);
      hook.createContext("/", ex -> {
        String body = new String(ex.getRequestBody().readAllBytes());
        String id = body.replaceAll(".*\"data\":\\{\"id\":\"([^\"]+)\".*", "$1");
        HttpRequest get = HttpRequest.newBuilder(URI.create(sim.server.baseUrl()
            + "/v1/videos/" + id)).header("Authorization", "Bearer " + ALICE).build();
        try {
          seen.add(HttpClient.newHttpClient().send(get, HttpResponse.BodyHandlers.ofString())
              .body());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        ex.sendResponseHeaders(200, -1);
        ex.close();
      });
      hook.start();
      try {
        String url = "http://127.0.0.1:" + hook.getAddress().getPort() + "/h";
        sim.as(ALICE).body("{\"model\":\"task-1\",\"prompt\":\"p\",\"webhookUrl\":\"" + url + "\"}")
            .post("/v1/videos").then().statusCode(201);
        sim.advance("2m");
      } finally {
        hook.stop(0);
      }
    }
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0)).contains("\"status\":\"succeeded\"");
  }

  /** The audit's finding: 651,405 s asked for by concurrent callers, 284,186 s moved. */
  @Test
  void concurrent_advances_add_up_while_a_webhook_holds_the_clock() throws Exception {
    CountDownLatch delivered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (SimFixture sim = new SimFixture()) {
      HttpServer hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
          0), 0);
      hook.createContext("/", ex -> {
        delivered.countDown();
        try {
          release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        ex.sendResponseHeaders(200, -1);
        ex.close();
      });
      hook.start();
      ExecutorService callers = Executors.newFixedThreadPool(2);
      try {
        Instant start = Instant.parse(sim.admin().get("/_sim/clock").then().extract()
            .path("now"));
        String url = "http://127.0.0.1:" + hook.getAddress().getPort() + "/h";
        sim.as(ALICE).body("{\"model\":\"task-1\",\"prompt\":\"p\",\"webhookUrl\":\"" + url
            + "\"}").post("/v1/videos").then().statusCode(201);
        Future<?> first = callers.submit(() -> sim.advance("10m"));
        assertThat(delivered.await(20, TimeUnit.SECONDS)).isTrue();
        Future<?> second = callers.submit(() -> sim.advance("10m"));
        // the second caller has registered its step once the clock shows it (the webhook
        // still holds the first); only then may the receiver answer
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!now(sim).isAfter(start.plus(Duration.ofMinutes(10)))
            && System.nanoTime() < deadline) {
          TimeUnit.MILLISECONDS.sleep(5);
        }
        release.countDown();
        first.get(20, TimeUnit.SECONDS);
        second.get(20, TimeUnit.SECONDS);
        assertThat(now(sim)).isEqualTo(start.plus(Duration.ofMinutes(20)));
      } finally {
        release.countDown();
        callers.shutdownNow();
        hook.stop(0);
      }
    }
  }

  private static Instant now(SimFixture sim) {
    return Instant.parse(sim.admin().get("/_sim/clock").then().extract().path("now"));
  }

  @Test
  void on_an_accelerated_clock_the_ticker_delivers_and_retries() throws Exception {
    try (HookReceiver receiver = new HookReceiver();
         SimFixture sim = new SimFixture("""
             webhooks: { retries: [1s] }
             """)) {
      sim.admin().body("{\"mode\":\"accelerated\",\"factor\":600}").post("/_sim/clock")
          .then().statusCode(200);
      receiver.answer(List.of(503));
      sim.as(ALICE).body("{\"model\":\"task-1\",\"prompt\":\"p\",\"webhookUrl\":\""
          + receiver.url() + "\"}").post("/v1/videos").then().statusCode(201);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (receiver.deliveries().size() < 2 && System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(20);
      }
      assertThat(receiver.deliveries()).extracting(HookReceiver.Delivery::status)
          .containsExactly(503, 200);
    }
  }
}
