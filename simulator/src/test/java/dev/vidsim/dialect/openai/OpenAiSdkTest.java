package dev.vidsim.dialect.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoDownloadContentParams;
import com.openai.models.videos.VideoEditParams;
import com.openai.models.videos.VideoExtendParams;
import com.openai.models.videos.VideoListParams;
import com.openai.models.videos.VideoModel;
import com.openai.models.videos.VideoRemixParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidsim.engine.Simulator;
import dev.vidsim.http.Json;
import dev.vidsim.http.VidsimServer;
import dev.vidsim.ledger.LedgerEntry;
import dev.vidsim.money.Money;
import dev.vidsim.scenario.ScenarioLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI Java SDK, unchanged but for its base URL, against the built-in default
 * scenario on a virtual clock: what a team's real integration does, and what it costs.
 */
@SuppressWarnings("deprecation") // the SDK marks its Videos API deprecated since the shutdown
class OpenAiSdkTest {
  static final String KEY = "sk-test-alice";
  final Simulator sim = new Simulator(ScenarioLoader.builtInDefault());
  final VidsimServer server = VidsimServer.start(sim, 0);
  final OpenAIClient client = OpenAIOkHttpClient.builder()
      .baseUrl(server.dialectBaseUrl("openai")).apiKey(KEY).responseValidation(true).build();

  @AfterEach
  void close() {
    client.close();
    server.close();
    sim.close();
  }

  private Video create(String prompt) {
    return client.videos().create(VideoCreateParams.builder().model(VideoModel.SORA_2)
        .prompt(prompt).seconds(VideoSeconds._8).size(VideoSize._1280X720).build());
  }

  private void advance(String by) {
    sim.advance(Duration.parse("PT" + by.toUpperCase()));
  }

  private void fault(String json) {
    sim.run(e -> e.faults().add(readTree(json)));
  }

  private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private List<LedgerEntry> ledger() {
    return sim.call(e -> e.ledger().entries(KEY));
  }

  @Test
  void create_poll_download_walks_the_sdk_through_a_billed_video() throws Exception {
    Video created = create("a cat surfing");
    assertThat(created.id()).startsWith("video_");
    assertThat(created.status()).isEqualTo(Video.Status.QUEUED);
    assertThat(created.size()).isEqualTo(VideoSize._1280X720);
    advance("10m");
    Video done = client.videos().retrieve(created.id());
    assertThat(done.status()).isEqualTo(Video.Status.COMPLETED);
    assertThat(done.progress()).isEqualTo(100);
    assertThat(done.completedAt()).isPresent();
    try (HttpResponse r = client.videos().downloadContent(created.id())) {
      byte[] mp4 = r.body().readAllBytes();
      assertThat(new String(mp4, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
          .isEqualTo("ftyp");
    }
    try (HttpResponse r = client.videos().downloadContent(VideoDownloadContentParams.builder()
        .videoId(created.id()).variant(VideoDownloadContentParams.Variant.THUMBNAIL).build())) {
      assertThat(r.headers().values("Content-Type")).containsExactly("image/webp");
    }
    // sora-2 is $0.10 per second, billed on delivery: 8 s cost 0.80
    assertThat(sim.call(e -> e.balance(KEY)).balance()).isEqualTo(Money.parse("9.20"));
  }

  @Test
  void list_pages_with_after_until_has_more_is_false_and_delete_removes_a_video() {
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) made.add(create("clip " + i).id());
    List<String> seen = new ArrayList<>();
    client.videos().list(VideoListParams.builder().limit(2).build()).autoPager()
        .forEach(v -> seen.add(v.id()));
    List<String> newestFirst = new ArrayList<>(made);
    java.util.Collections.reverse(newestFirst);
    assertThat(seen).containsExactlyElementsOf(newestFirst);
    List<String> ascending = new ArrayList<>();
    client.videos().list(VideoListParams.builder().limit(2).order(VideoListParams.Order.ASC)
        .build()).autoPager().forEach(v -> ascending.add(v.id()));
    assertThat(ascending).containsExactlyElementsOf(made);
    var deleted = client.videos().delete(made.get(0));
    assertThat(deleted.deleted()).isTrue();
    assertThatThrownBy(() -> client.videos().retrieve(made.get(0)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void a_remix_of_a_completed_video_keeps_its_model_size_and_length() {
    Video source = create("a cat");
    advance("10m");
    Video remix = client.videos().remix(source.id(), VideoRemixParams.builder()
        .prompt("a cat in the rain").build());
    assertThat(remix.remixedFromVideoId()).contains(source.id());
    assertThat(remix.model().asString()).isEqualTo("sora-2");
    assertThat(remix.seconds().asString()).isEqualTo("8");
    assertThat(remix.size()).isEqualTo(VideoSize._1280X720);
  }

  @Test
  void an_edit_and_an_extension_are_new_paid_videos_made_from_a_completed_one() {
    Video source = create("a cat");
    advance("10m");
    Video edited = client.videos().edit(VideoEditParams.builder().prompt("a cat, in blue")
        .video(VideoEditParams.Video.VideoReferenceInputParam.builder().id(source.id()).build())
        .build());
    Video extended = client.videos().extend(VideoExtendParams.builder().prompt("and it jumps")
        .seconds(VideoSeconds._4).video(VideoExtendParams.Video.VideoReferenceInputParam
            .builder().id(source.id()).build()).build());
    assertThat(edited.seconds().asString()).isEqualTo("8");
    assertThat(extended.seconds().asString()).isEqualTo("4");
    assertThat(extended.size()).isEqualTo(VideoSize._1280X720);
    advance("10m");
    // 8 s + 8 s + 4 s of sora-2 at 0.10
    assertThat(sim.call(e -> e.balance(KEY)).balance()).isEqualTo(Money.parse("8.00"));
  }

  @Test
  void a_429_with_retry_after_is_retried_by_the_sdk_and_the_journal_shows_the_retry() {
    fault("{\"when\":{\"endpoint\":\"create\",\"nth\":1},\"do\":{\"status\":429,"
        + "\"retryAfter\":\"1s\"}}");
    Video v = create("a dog");
    assertThat(v.status()).isEqualTo(Video.Status.QUEUED);
    String journal = sim.call(e -> e.journal().toJsonl());
    assertThat(journal).contains("\"sdkRetry\":\"1\"");
    List<?> jobs = sim.call(e -> e.jobs().all());
    assertThat(jobs).hasSize(1);
  }

  @Test
  void a_lost_response_after_charge_makes_the_sdks_unkeyed_retry_a_second_paid_job() {
    fault("{\"when\":{\"endpoint\":\"create\",\"nth\":1},\"do\":{\"lostResponse\":true}}");
    Video v = create("one generation");
    advance("10m");
    var jobs = sim.call(e -> e.jobs().all());
    assertThat(jobs).as("the SDK retried the POST without an idempotency key").hasSize(2);
    assertThat(jobs.get(1).id()).isEqualTo(v.id());
    long captures = ledger().stream().filter(x -> x.type().wireName().equals("capture")).count();
    assertThat(captures).as("both videos were delivered and paid").isEqualTo(2);
    assertThat(sim.call(e -> e.balance(KEY)).balance()).isEqualTo(Money.parse("8.40"));
  }

  @Test
  void an_idempotency_key_header_makes_the_sdks_retry_replay_the_first_job_instead() {
    fault("{\"when\":{\"endpoint\":\"create\",\"nth\":1},\"do\":{\"lostResponse\":true}}");
    Video v = client.videos().create(VideoCreateParams.builder().model(VideoModel.SORA_2)
        .prompt("one generation").seconds(VideoSeconds._8).size(VideoSize._1280X720)
        .putAdditionalHeader("Idempotency-Key", "gen-1").build());
    advance("10m");
    List<?> jobs = sim.call(e -> e.jobs().all());
    assertThat(jobs).as("the retry replayed the first answer").hasSize(1);
    assertThat(v.id()).isEqualTo(sim.call(e -> e.jobs().all().get(0).id()));
    assertThat(sim.call(e -> e.balance(KEY)).balance()).isEqualTo(Money.parse("9.20"));
  }

  @Test
  void an_unknown_model_is_the_sdks_not_found_exception_and_costs_nothing() {
    assertThatThrownBy(() -> client.videos().create(VideoCreateParams.builder()
        .model("no-such-model").prompt("x").build()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.code()).contains("model_not_found");
          assertThat(e.param()).contains("model");
        });
    assertThat(ledger()).allMatch(x -> x.jobId() == null);
  }

  @Test
  void a_wrong_key_is_the_sdks_unauthorized_exception() {
    OpenAIClient stranger = OpenAIOkHttpClient.builder()
        .baseUrl(server.dialectBaseUrl("openai")).apiKey("sk-nobody").maxRetries(0).build();
    assertThatThrownBy(() -> stranger.videos().list())
        .isInstanceOfSatisfying(UnauthorizedException.class,
            e -> assertThat(e.code()).contains("invalid_api_key"));
    stranger.close();
  }
}
