package dev.vidsim.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.client.store.JobStore;
import dev.vidsim.client.wire.Dialect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two creates that ask alike (one leaves the length to the provider) both lose their answers on
 * an OpenAI-compatible API, which takes no key: each is found again by listing, and neither
 * generation takes the job only the other one fits, so no create is sent a second time.
 */
class AlikeLostCreatesTest {
  private final SimFixture fx = SimFixture.defaultScenario();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    fx.close();
  }

  private JsonNode sheet() throws Exception {
    return JsonSupport.parseOrEmpty(http.send(HttpRequest.newBuilder(URI.create(fx.baseUrl()
        + "/v1/models")).header("Authorization", "Bearer sk-test-alice").build(),
        HttpResponse.BodyHandlers.ofString()).body()).path("data");
  }

  private static GenerationRequest ask(String id, Integer seconds) {
    GenerationRequest.Builder b = GenerationRequest.builder("a cat surfing").generationId(id)
        .models("sora-2");
    if (seconds != null) b.seconds(seconds);
    return b.build();
  }

  private void clearFaults() throws Exception {
    HttpResponse<String> cleared = http.send(HttpRequest.newBuilder(URI.create(fx.baseUrl()
        + "/_sim/faults")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(cleared.statusCode()).isBetween(200, 299);
  }

  @Test
  void each_generation_adopts_the_job_its_own_lost_create_made() throws Exception {
    JsonNode sheet = sheet();
    JobStore store = JobStore.inMemory();
    fx.fault("{\"when\":{\"endpoint\":\"create\",\"times\":2},\"do\":{\"lostResponse\":true}}");
    fx.fault("{\"when\":{\"endpoint\":\"list\",\"times\":100},\"do\":{\"status\":403}}");
    VideoClient first = fx.client("sk-test-alice").dialect(Dialect.OPENAI, sheet)
        .jobStore(store).build();
    // made in the same second: listed newest first, the eight-second job would be the
    // first fit of the generation that left the length open
    assertThatThrownBy(() -> first.submit(ask("any-length", null)));
    assertThatThrownBy(() -> first.submit(ask("eight-seconds", 8)));
    clearFaults();

    VideoClient restarted = fx.client("sk-test-alice").dialect(Dialect.OPENAI, sheet)
        .jobStore(store).build();
    Submission anyLength = restarted.submit(ask("any-length", null));
    Submission eight = restarted.submit(ask("eight-seconds", 8));

    int jobs = fx.sim.call(e -> e.jobs().all().size());
    assertThat(jobs).as("jobs made: no create sent twice").isEqualTo(2);
    assertThat(anyLength.resumed()).isTrue();
    assertThat(eight.resumed()).isTrue();
    assertThat(eight.job().seconds()).isEqualByComparingTo("8");
    assertThat(anyLength.job().id()).isNotEqualTo(eight.job().id());
  }

  /**
   * Only the eight-second create made a job (the other got a 500 before anything was made):
   * the generation that left the length open asked for the model's default of four seconds, so
   * it does not adopt the eight-second job and believe its own price for it; it creates again.
   */
  @Test
  void a_generation_that_left_the_length_open_does_not_adopt_a_job_of_another_length()
      throws Exception {
    JsonNode sheet = sheet();
    JobStore store = JobStore.inMemory();
    fx.fault("{\"when\":{\"endpoint\":\"create\",\"times\":1},\"do\":{\"status\":500}}");
    fx.fault("{\"when\":{\"endpoint\":\"list\",\"times\":100},\"do\":{\"status\":403}}");
    VideoClient first = fx.client("sk-test-alice").dialect(Dialect.OPENAI, sheet)
        .jobStore(store).build();
    assertThatThrownBy(() -> first.submit(ask("any-length", null)));
    fx.fault("{\"when\":{\"endpoint\":\"create\",\"times\":1},\"do\":{\"lostResponse\":true}}");
    assertThatThrownBy(() -> first.submit(ask("eight-seconds", 8)));
    int made = fx.sim.call(e -> e.jobs().all().size());
    assertThat(made).as("only the 8 s create made a job").isEqualTo(1);
    clearFaults();

    VideoClient restarted = fx.client("sk-test-alice").dialect(Dialect.OPENAI, sheet)
        .jobStore(store).build();
    Submission anyLength = restarted.submit(ask("any-length", null));
    Submission eight = restarted.submit(ask("eight-seconds", 8));

    assertThat(eight.resumed()).as("the 8 s generation finds its own job").isTrue();
    assertThat(anyLength.resumed()).as("the other one creates its own").isFalse();
    assertThat(anyLength.job().id()).isNotEqualTo(eight.job().id());
    assertThat(anyLength.job().seconds()).isEqualByComparingTo("4");
  }
}
