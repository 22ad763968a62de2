package dev.vidsim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.client.store.FileJobStore;
import dev.vidsim.client.store.StoredGeneration;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client that restarts (a new instance on the same file store) while its job runs. */
class RestartTest {
  private final SimFixture fx = SimFixture.of(Scenarios.SLOW);
  @TempDir
  Path dir;

  @AfterEach
  void close() {
    fx.close();
  }

  private VideoClient started() {
    return fx.client("sk-a").jobDeadline(Duration.ofMinutes(10))
        .jobStore(new FileJobStore(dir.resolve("jobs.jsonl"))).build();
  }

  private static GenerationRequest glacier() {
    return GenerationRequest.builder("a glacier").generationId("g-1").models("slow-render")
        .build();
  }

  @Test
  void a_restarted_client_cancels_a_stuck_job_at_its_first_deadline() {
    Instant start = fx.clock.now();
    started().submit(glacier());
    fx.clock.sleep(Duration.ofMinutes(8));

    VideoClient restarted = started();
    Submission s = restarted.submit(glacier());
    GenerationResult r = restarted.await(s);

    assertThat(s.resumed()).isTrue();
    assertThat(s.deadline()).isEqualTo(start.plus(Duration.ofMinutes(10)));
    assertThat(r.stuck()).isTrue();
    assertThat(r.status()).isEqualTo("cancelled");
    assertThat(restarted.requestLog().records("cancel").get(0).at())
        .isEqualTo(start.plus(Duration.ofMinutes(10)));
  }

  @Test
  void the_file_store_keeps_refused_models_and_the_deadline() {
    Instant deadline = Instant.parse("2026-11-25T10:30:00Z");
    FileJobStore store = new FileJobStore(dir.resolve("s.jsonl"));
    store.save(new StoredGeneration("g", "k", "m2", "{}", null, null, List.of("m1", "m2"),
        deadline));

    StoredGeneration back = new FileJobStore(dir.resolve("s.jsonl")).find("g").orElseThrow();

    assertThat(back.refused()).containsExactly("m1", "m2");
    assertThat(back.isRefused()).isTrue();
    assertThat(back.deadline()).isEqualTo(deadline);
  }

  @Test
  void an_await_after_the_deadline_polls_before_it_cancels() {
    VideoClient client = fx.client("sk-a").build();
    Submission s = client.submit(GenerationRequest.builder("a fox").models("polled")
        .deadline(Duration.ofMinutes(1)).build());
    fx.clock.sleep(Duration.ofMinutes(5));

    GenerationResult r = client.await(s);

    assertThat(r.status()).isEqualTo("succeeded");
    assertThat(r.stuck()).isFalse();
    assertThat(r.source()).isEqualTo("poll");
    assertThat(client.requestLog().records("cancel")).as("it had finished: no cancel").isEmpty();
    assertThat(client.reconcile().isBalanced()).as(client.reconcile().toString()).isTrue();
  }
}
