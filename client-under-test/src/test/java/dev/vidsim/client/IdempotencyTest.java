package dev.vidsim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.client.store.FileJobStore;
import dev.vidsim.client.store.JobStore;
import dev.vidsim.client.store.StoredGeneration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotencyTest {
  private final SimFixture fx = SimFixture.defaultScenario();
  @TempDir Path dir;

  @AfterEach
  void close() {
    fx.close();
  }

  private int providerJobs() {
    return fx.sim.call(e -> e.jobs().all().size());
  }

  private GenerationRequest order42() {
    return GenerationRequest.builder("a cat").generationId("order-42").models("reel-1")
        .seconds(5).build();
  }

  @Test
  void a_restarted_client_resumes_the_same_job_instead_of_creating_another() {
    Path file = dir.resolve("jobs.jsonl");
    Submission first = fx.client("sk-test-alice").jobStore(new FileJobStore(file)).build()
        .submit(order42());

    VideoClient restarted = fx.client("sk-test-alice").jobStore(new FileJobStore(file)).build();
    GenerationResult r = restarted.generate(order42());

    assertThat(r.submission().resumed()).isTrue();
    assertThat(r.jobId()).isEqualTo(first.job().id());
    assertThat(restarted.requestLog().records("create")).isEmpty();
    assertThat(providerJobs()).isEqualTo(1);
    assertThat(r.status()).isEqualTo("succeeded");
    assertThat(restarted.reconcile().isBalanced()).isTrue();
  }

  @Test
  void the_key_is_saved_before_sending_so_a_crash_after_sending_finds_the_job() throws Exception {
    Path file = dir.resolve("jobs.jsonl");
    JobStore store = new FileJobStore(file);
    VideoClient client = fx.client("sk-test-alice").jobStore(store).build();
    String body = Submitter.body(order42(), client.models().get(0));
    store.save(new StoredGeneration("order-42", "key-before-crash", "reel-1", body, null, null));
    // The request went out and was charged, then the process died before reading the answer.
    HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(fx.baseUrl() + "/v1/videos")).header("Authorization", "Bearer sk-test-alice")
        .header("Idempotency-Key", "key-before-crash")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(sent.statusCode()).isEqualTo(201);

    VideoClient restarted = fx.client("sk-test-alice").jobStore(new FileJobStore(file)).build();
    Submission s = restarted.submit(order42());

    assertThat(s.resumed()).isTrue();
    assertThat(s.idempotencyKey()).isEqualTo("key-before-crash");
    assertThat(restarted.requestLog().records("create")).isEmpty();
    assertThat(providerJobs()).isEqualTo(1);
  }

  @Test
  void a_saved_generation_whose_request_never_arrived_is_sent_with_its_saved_key_and_body() {
    JobStore store = JobStore.inMemory();
    VideoClient client = fx.client("sk-test-alice").jobStore(store).build();
    String body = Submitter.body(order42(), client.models().get(0));
    store.save(new StoredGeneration("order-42", "key-never-sent", "reel-1", body, null, null));

    Submission s = client.submit(order42());

    assertThat(s.resumed()).isFalse();
    assertThat(s.job().idempotencyKey()).isEqualTo("key-never-sent");
    assertThat(client.requestLog().records("lookup")).hasSize(1);
    assertThat(client.requestLog().records("create")).hasSize(1);
    assertThat(store.find("order-42").orElseThrow().jobId()).isEqualTo(s.job().id());
  }

  @Test
  void a_fixed_seed_never_reuses_a_key_already_in_the_store() {
    JobStore store = JobStore.inMemory();
    GenerationRequest unnamed = GenerationRequest.builder("a dog").models("clip-video").build();

    Submission a = fx.client("sk-test-alice").jobStore(store).build().submit(unnamed);
    Submission b = fx.client("sk-test-alice").jobStore(store).build().submit(unnamed);

    assertThat(b.idempotencyKey()).isNotEqualTo(a.idempotencyKey());
    assertThat(b.job().id()).isNotEqualTo(a.job().id());
  }

  @Test
  void the_file_store_survives_a_torn_last_line_and_keeps_appending_cleanly() throws Exception {
    Path file = dir.resolve("jobs.jsonl");
    FileJobStore store = new FileJobStore(file);
    store.save(new StoredGeneration("g1", "k1", "reel-1", "{}", "vid_1", null));
    Files.writeString(file, "{\"generationId\":\"g2\",\"idempot",
        java.nio.file.StandardOpenOption.APPEND);

    FileJobStore reopened = new FileJobStore(file);
    reopened.save(new StoredGeneration("g3", "k3", "reel-1", "{}", null, null));
    FileJobStore again = new FileJobStore(file);

    assertThat(reopened.skippedLines()).isEqualTo(1);
    assertThat(again.find("g1").orElseThrow().jobId()).isEqualTo("vid_1");
    assertThat(again.find("g3")).isPresent();
    assertThat(again.find("g2")).isEmpty();
    assertThat(again.containsKey("k3")).isTrue();
    assertThat(again.skippedLines()).isEqualTo(1);
  }

  @Test
  void the_memory_store_forgets_finished_generations_first_and_never_a_pending_one() {
    var store = new dev.vidsim.client.store.InMemoryJobStore(2);
    store.save(new StoredGeneration("pending", "k0", "m", "{}", null, null));
    store.save(new StoredGeneration("done-1", "k1", "m", "{}", "vid_1", null));
    store.save(new StoredGeneration("done-2", "k2", "m", "{}", "vid_2", null));

    assertThat(store.find("pending")).isPresent();
    assertThat(store.find("done-1")).isEmpty();
    assertThat(store.find("done-2")).isPresent();
    assertThat(store.containsKey("k1")).isFalse();
  }
}
