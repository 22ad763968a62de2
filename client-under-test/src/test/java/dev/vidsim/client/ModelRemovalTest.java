package dev.vidsim.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.client.catalog.ModelChoice;
import dev.vidsim.client.catalog.ModelChooser;
import dev.vidsim.client.catalog.ModelInfo;
import dev.vidsim.client.catalog.NoModelException;
import dev.vidsim.client.catalog.Quoter;
import dev.vidsim.client.store.JobStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A model leaves the live catalog while the client holds it (simulator, /_sim endpoints). */
class ModelRemovalTest {
  private final SimFixture fx = SimFixture.defaultScenario();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    fx.close();
  }

  private void sim(String method, String path, String body) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(fx.baseUrl() + path))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
  }

  private void remove(String model) throws Exception {
    sim("POST", "/_sim/models/" + model + "/remove", "{}");
  }

  private void catalogDown() throws Exception {
    sim("POST", "/_sim/faults", "{\"when\":{\"endpoint\":\"models\"},\"do\":{\"status\":500}}");
  }

  private static GenerationRequest order() {
    return GenerationRequest.builder("a cat").generationId("order-1").seconds(6)
        .models("clip-video", "reel-1").build();
  }

  /** studio-credits keeps the whole price of a cancelled job; clip-video refunds it. */
  private static GenerationRequest keepingFallback() {
    return GenerationRequest.builder("a cat").generationId("order-2").seconds(6)
        .models("clip-video", "studio-credits").build();
  }

  private static long createsWithKey(VideoClient c, String key) {
    return c.requestLog().records("create").stream()
        .filter(r -> key.equals(r.idempotencyKey())).count();
  }

  @Test
  void a_create_refused_as_model_gone_is_never_resent_while_the_catalog_cannot_be_read()
      throws Exception {
    VideoClient client = fx.client("sk-test-alice").build();
    client.models();
    remove("clip-video");
    catalogDown();

    assertThatThrownBy(() -> client.submit(order())).isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo("model_not_found"));
    String refusedKey = client.requestLog().records("create").get(0).idempotencyKey();
    assertThatThrownBy(() -> client.submit(order())).isInstanceOf(ApiException.class);
    sim("DELETE", "/_sim/faults", "");
    Submission s = client.submit(order());

    assertThat(createsWithKey(client, refusedKey)).as("the refused create, once").isEqualTo(1);
    assertThat(s.job().model()).isEqualTo("reel-1");
    assertThat(s.idempotencyKey()).isNotEqualTo(refusedKey);
    int jobs = fx.sim.call(e -> e.jobs().all().size());
    assertThat(jobs).isEqualTo(1);
  }

  @Test
  void the_refusal_is_saved_before_the_catalog_refresh_so_a_restart_does_not_resend_it()
      throws Exception {
    JobStore store = JobStore.inMemory();
    VideoClient first = fx.client("sk-test-alice").jobStore(store).build();
    first.models();
    remove("clip-video");
    catalogDown();
    assertThatThrownBy(() -> first.submit(order())).isInstanceOf(ApiException.class);

    assertThat(store.find("order-1")).get()
        .satisfies(g -> assertThat(g.refused()).containsExactly("clip-video"))
        .satisfies(g -> assertThat(g.isRefused()).isTrue());
  }

  @Test
  void after_a_model_not_found_the_client_reads_the_catalog_again_by_itself() throws Exception {
    VideoClient client = fx.client("sk-test-alice").build();
    assertThat(client.models()).extracting(ModelInfo::id).contains("clip-video");
    remove("clip-video");
    catalogDown();
    assertThatThrownBy(() -> client.submit(order())).isInstanceOf(ApiException.class);
    sim("DELETE", "/_sim/faults", "");

    List<ModelInfo> now = client.models();

    assertThat(now).extracting(ModelInfo::id).doesNotContain("clip-video").contains("reel-1");
  }

  @Test
  void a_job_resumed_after_its_model_left_the_catalog_is_priced_as_the_provider_quoted_it()
      throws Exception {
    JobStore store = JobStore.inMemory();
    Submission before = fx.client("sk-test-alice").jobStore(store).build().submit(order());
    remove("clip-video");

    VideoClient restarted = fx.client("sk-test-alice").jobStore(store).build();
    Submission s = restarted.submit(order());
    GenerationResult r = restarted.await(s);

    assertThat(s.resumed()).isTrue();
    assertThat(s.job().id()).isEqualTo(before.job().id());
    assertThat(r.job().model()).isEqualTo("clip-video");
    assertThat(r.status()).isEqualTo("succeeded");
    // clip-video 6 s = 0.35; the fallback reel-1 would be 0.60
    assertThat(r.expectedCost()).isEqualTo(Amount.parse("0.35"));
    assertThat(restarted.reconcile().isBalanced()).as(restarted.reconcile().toString()).isTrue();
  }

  @Test
  void a_cancelled_job_of_a_removed_model_is_believed_to_cost_what_the_provider_says()
      throws Exception {
    JobStore store = JobStore.inMemory();
    fx.client("sk-test-alice").jobStore(store).build().submit(keepingFallback());
    remove("clip-video");

    VideoClient restarted = fx.client("sk-test-alice").jobStore(store).build();
    Submission s = restarted.submit(keepingFallback());
    VideoJob cancelled = restarted.cancel(s.job().id());

    assertThat(cancelled.charged()).isEqualTo(Amount.ZERO);
    assertThat(restarted.ledger().line(s.job().id())).get()
        .satisfies(l -> assertThat(l.expected()).isEqualTo(cancelled.charged()));
    assertThat(restarted.reconcile().isBalanced()).as(restarted.reconcile().toString()).isTrue();
  }

  @Test
  void a_chooser_that_keeps_picking_a_removed_model_is_stopped_after_three_refusals()
      throws Exception {
    ModelInfo clip = fx.client("sk-test-alice").build().models().stream()
        .filter(m -> m.id().equals("clip-video")).findFirst().orElseThrow();
    ModelChooser stubborn = (catalog, shape, preferred, tier) ->
        ModelChoice.direct(clip, Quoter.quote(clip, shape, tier));
    VideoClient client = fx.client("sk-test-alice").modelChooser(stubborn).build();
    remove("clip-video");

    assertThatThrownBy(() -> client.submit(order())).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> client.submit(order())).isInstanceOf(NoModelException.class);

    assertThat(client.requestLog().records("create")).hasSize(3)
        .allSatisfy(c -> assertThat(c.errorCode()).isEqualTo("model_not_found"));
  }

  /**
   * An OpenAI-compatible API reports no price for a video: a job found by listing after a
   * restart, its model gone from the catalog meanwhile, is believed to cost what the client
   * quoted when it sent the create (kept in its durable ledger), not nothing.
   */
  @Test
  void a_job_adopted_after_a_restart_costs_what_was_quoted_when_its_create_was_sent()
      throws Exception {
    JobStore store = JobStore.inMemory();
    dev.vidsim.client.cost.CostLedger ledger = new dev.vidsim.client.cost.CostLedger();
    com.fasterxml.jackson.databind.JsonNode sheet = JsonSupport.parseOrEmpty(http.send(
        HttpRequest.newBuilder(URI.create(fx.baseUrl() + "/v1/models"))
            .header("Authorization", "Bearer sk-test-alice").build(),
        HttpResponse.BodyHandlers.ofString()).body()).path("data");
    GenerationRequest sora = GenerationRequest.builder("a cat surfing").generationId("order-3")
        .models("sora-2").seconds(8).resolution("720x1280").build();
    fx.fault("{\"when\":{\"endpoint\":\"create\",\"times\":1},"
        + "\"do\":{\"lostResponse\":true,\"drop\":true}}");
    fx.fault("{\"when\":{\"endpoint\":\"list\",\"times\":50},\"do\":{\"status\":503}}");
    VideoClient first = fx.client("sk-test-alice").dialect(
        dev.vidsim.client.wire.Dialect.OPENAI, sheet).jobStore(store).costLedger(ledger).build();
    assertThatThrownBy(() -> first.submit(sora)).as("create lost, listing down")
        .isInstanceOf(RuntimeException.class);
    sim("DELETE", "/_sim/faults", "");
    remove("sora-2");

    VideoClient restarted = fx.client("sk-test-alice").dialect(
        dev.vidsim.client.wire.Dialect.OPENAI, sheet).jobStore(store).costLedger(ledger).build();
    GenerationResult r = restarted.await(restarted.submit(sora));

    assertThat(r.status()).isEqualTo("succeeded");
    int jobs = fx.sim.call(e -> e.jobs().all().size());
    assertThat(jobs).as("jobs made").isEqualTo(1);
    // sora-2, 8 s at 720x1280: 0.80, as the provider charged
    assertThat(r.expectedCost()).isEqualTo(Amount.parse("0.80"));
    String charged = fx.sim.call(e -> e.jobs().all().get(0).charged().toString());
    assertThat(charged).isEqualTo("0.80");
  }
}
