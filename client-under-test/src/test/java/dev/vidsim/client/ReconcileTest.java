package dev.vidsim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.client.cost.Reconciliation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReconcileTest {
  private final SimFixture fx = SimFixture.of(Scenarios.SLOW);
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    fx.close();
  }

  private int send(String method, String path, String body, String key) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fx.baseUrl() + path))
        .header("Authorization", "Bearer sk-a")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) b.header("Idempotency-Key", key);
    return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void delivered_cancelled_and_polled_jobs_all_reconcile() {
    VideoClient client = fx.client("sk-a").jobDeadline(Duration.ofMinutes(10)).build();

    client.generate(GenerationRequest.builder("a").models("polled").build());
    client.generate(GenerationRequest.builder("b").models("slow-task").build());
    client.generate(GenerationRequest.builder("c").models("slow-render").build());
    Reconciliation bill = client.reconcile();

    assertThat(bill.isBalanced()).as(bill.toString()).isTrue();
    assertThat(bill.chargedTotal()).isEqualTo(bill.expectedTotal());
    assertThat(client.ledger().lines()).hasSize(3);
  }

  @Test
  void a_job_the_client_never_knew_about_shows_up_as_a_difference() throws Exception {
    VideoClient client = fx.client("sk-a").build();
    client.generate(GenerationRequest.builder("a").models("slow-task")
        .deadline(Duration.ofMinutes(1)).build());

    assertThat(send("POST", "/v1/videos", "{\"model\":\"slow-task\",\"prompt\":\"dup\"}", "other"))
        .isEqualTo(201);
    Reconciliation bill = client.reconcile();

    assertThat(bill.differences()).singleElement().satisfies(d -> {
      assertThat(d.expected()).isNull();
      assertThat(d.charged()).isEqualTo(Amount.parse("0.50"));
      assertThat(d.reason()).contains("does not know");
    });
  }

  @Test
  void a_poll_fee_the_client_did_not_record_is_a_difference_of_exactly_that_fee() throws Exception {
    VideoClient client = fx.client("sk-a").build();
    GenerationResult r = client.generate(GenerationRequest.builder("a").models("polled").build());

    assertThat(send("GET", "/v1/videos/" + r.jobId(), null, null)).isEqualTo(200);
    Reconciliation bill = client.reconcile();

    assertThat(bill.differences()).singleElement().satisfies(d -> {
      assertThat(d.jobId()).isEqualTo(r.jobId());
      assertThat(d.delta()).isEqualTo(Amount.parse("0.01"));
    });
  }
}
