package dev.vidsim.tck.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.videos.ImageInputReferenceParam;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoModel;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidsim.checker.ClientLimits;
import dev.vidsim.tck.ClientEnvironment;
import dev.vidsim.tck.ClientFactory;
import dev.vidsim.tck.ClientUnderTest;
import dev.vidsim.tck.Generation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An integration as a team would write it on the official OpenAI Java SDK (4.105.0), run under
 * the TCK against vidsim's OpenAI-compatible dialect. The SDK is unchanged: its retries are its
 * own (2, on 408/409/429/5xx and dropped connections, no idempotency key); only its sleeper and
 * clock are the simulated clock, as a team's own tests would wire them. The integration polls
 * every 10 s, gives up on a job after 30 minutes (deleting it) and remembers each generation's
 * video id across restarts.
 */
public class OpenAiSdkClientFactory implements ClientFactory {
  private final boolean keyed;
  private final Set<String> waived;

  /** The integration as most are written: the SDK's defaults, no idempotency key. */
  public OpenAiSdkClientFactory() {
    this(false, Set.of("creates_use_idempotency_key"));
  }

  /**
   * @param keyed  send one {@code Idempotency-Key} per generation on every create (the fix), so
   *               the SDK's own retries replay the first answer instead of paying again
   * @param waived invariants this integration knowingly does not keep
   */
  public OpenAiSdkClientFactory(boolean keyed, Set<String> waived) {
    this.keyed = keyed;
    this.waived = Set.copyOf(waived);
  }

  static final Duration POLL = Duration.ofSeconds(10);
  static final Duration DEADLINE = Duration.ofMinutes(30);
  /** The SDK: 3 attempts, waits capped at 8 s; the integration: polls every 10 s. */
  static final ClientLimits LIMITS = new ClientLimits(3, Duration.ofSeconds(8), POLL,
      (int) (DEADLINE.toSeconds() / POLL.toSeconds()) + 2, DEADLINE, Duration.ofMinutes(2));

  @Override
  public ClientLimits limits() {
    // keyed: up to 3 rounds of the SDK's 3 attempts for a create whose answer never came
    return keyed ? LIMITS.withAttemptsMax(9) : LIMITS;
  }

  /** E.g. the SDK sends no idempotency key: waived, so the suite shows what that costs. */
  @Override
  public Set<String> waivedChecks() {
    return waived;
  }

  @Override
  public ClientUnderTest start(ClientEnvironment env) {
    OpenAIClient client = OpenAIOkHttpClient.builder()
        .baseUrl(env.baseUrl() + "/openai/v1").apiKey(env.apiKey())
        .sleeper(SdkTime.sleeper(env.time())).clock(SdkTime.clock(env.time())).build();
    return new Integration(client, env, keyed);
  }

  /** The integration: a map from generation to video id kept in durable storage. */
  static final class Integration implements ClientUnderTest {
    private final OpenAIClient client;
    private final ClientEnvironment env;
    private final Set<String> flagged = new LinkedHashSet<>();
    /** Videos this process saw end (in memory: a restart forgets them). */
    private final Map<String, String> ended = new java.util.HashMap<>();
    private final boolean keyed;
    private Set<String> catalog;

    Integration(OpenAIClient client, ClientEnvironment env, boolean keyed) {
      this.client = client;
      this.env = env;
      this.keyed = keyed;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> videos() {
      return (Map<String, String>) env.durable().computeIfAbsent("videos",
          k -> new HashMap<String, String>());
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> keys() {
      return (Map<String, String>) env.durable().computeIfAbsent("keys",
          k -> new java.util.LinkedHashMap<String, String>());
    }

    /** Generations the provider definitely refused (a 4xx other than 408/409/429). */
    @SuppressWarnings("unchecked")
    private Set<String> refused() {
      return (Set<String>) env.durable().computeIfAbsent("refused",
          k -> new java.util.HashSet<String>());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Instant> started() {
      return (Map<String, Instant>) env.durable().computeIfAbsent("started",
          k -> new HashMap<String, Instant>());
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> chosen() {
      return (Map<String, String>) env.durable().computeIfAbsent("models",
          k -> new HashMap<String, String>());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Generation> asked() {
      return (Map<String, Generation>) env.durable().computeIfAbsent("asked",
          k -> new HashMap<String, Generation>());
    }

    /**
     * Keyed: a generation whose create got no answer is sent again with the same key before
     * anything else is done with it: the provider replays the job it made, at no charge.
     */
    private String recovered(String generationId) {
      String id = videos().get(generationId);
      if (id != null || !keyed || !asked().containsKey(generationId)) return id;
      if (refused().contains(generationId)) return null;
      return submit(asked().get(generationId));
    }

    @Override
    @SuppressWarnings("deprecation")
    public String submit(Generation g) {
      String known = videos().get(g.id());
      if (known != null) return known;
      asked().putIfAbsent(g.id(), g);
      VideoCreateParams.Builder p = VideoCreateParams.builder().prompt(g.prompt());
      // the same body on every resend of a key (the catalog may have changed since): another
      // model under the same key is a 422, and the job the first create made would be lost
      p.model(VideoModel.of(chosen().computeIfAbsent(g.id(), k -> model(g))));
      if (g.seconds() != null && g.seconds().stripTrailingZeros().scale() <= 0) {
        p.seconds(VideoSeconds.of(g.seconds().toBigInteger().toString()));
      }
      if (g.resolution() != null) p.size(VideoSize.of(g.resolution()));
      if (g.image() != null) {
        p.inputReference(ImageInputReferenceParam.builder().imageUrl(g.image()).build());
      }
      if (keyed) {
        // stored before the request: a create whose answer is lost is found again by its key
        String key = keys().computeIfAbsent(g.id(), k -> "gen-" + env.seed() + "-" + k);
        p.putAdditionalHeader("Idempotency-Key", key);
      }
      Video v = create(g.id(), p.build());
      videos().put(g.id(), v.id());
      // the deadline runs from the job's own creation: a replayed answer (a retry after a lost
      // one, or a second thread of the app with the same key) must not extend it
      started().putIfAbsent(g.id(), Instant.ofEpochSecond(v.createdAt()));
      return v.id();
    }

    /**
     * The first preferred model the live catalog lists (read once per start; a failed read is
     * retried next time), or any listed model when none is preferred; else the generation is
     * refused: never a hard-coded id.
     */
    private String model(Generation g) {
      if (catalog == null) {
        Set<String> read = new LinkedHashSet<>();
        client.models().list().autoPager().forEach(m -> read.add(m.id()));
        catalog = read;
      }
      var listed = g.models().isEmpty() ? catalog.stream() : g.models().stream()
          .filter(catalog::contains);
      return listed.findFirst().orElseThrow(() -> new IllegalStateException(
          "none of " + g.models() + " is in the catalog " + catalog));
    }

    /**
     * Keyed, an answer that never came is asked for again (same key, so never paid twice) a few
     * more times after the SDK's own retries, 2, 4 and 8 s apart; a definite refusal is final.
     */
    @SuppressWarnings("deprecation")
    private Video create(String generationId, VideoCreateParams params) {
      for (int attempt = 0; ; attempt++) {
        try {
          return client.videos().create(params);
        } catch (com.openai.errors.OpenAIServiceException e) {
          int status = e.statusCode();
          if (status >= 400 && status < 500 && status != 408 && status != 409 && status != 429) {
            refused().add(generationId);
            throw e;
          }
          if (!keyed || attempt >= 2) throw e;
        } catch (com.openai.errors.OpenAIIoException e) {
          if (!keyed || attempt >= 2) throw e;
        }
        env.time().sleep(Duration.ofSeconds(2L << attempt));
      }
    }

    @Override
    @SuppressWarnings("deprecation")
    public Finished await(String generationId) {
      String id = recovered(generationId);
      if (id == null) return null;
      if (ended.containsKey(id)) return new Finished(id, ended.get(id), false);
      Instant deadline = started().get(generationId).plus(DEADLINE);
      while (true) {
        String status = retrieve(id);
        if (ended.containsKey(id)) return new Finished(id, status, false);
        if (!env.time().now().isBefore(deadline)) {
          client.videos().delete(id);
          flagged.add(id);
          return new Finished(id, status, true);
        }
        env.time().sleep(POLL);
      }
    }

    @Override
    public void poll(String generationId) {
      String id = recovered(generationId);
      if (id != null && !ended.containsKey(id)) retrieve(id);
    }

    /** The video's status; a final one is remembered, so it is never asked for again. */
    @SuppressWarnings("deprecation")
    private String retrieve(String id) {
      String status = client.videos().retrieve(id).status().asString();
      if (!status.equals("queued") && !status.equals("in_progress")) ended.put(id, status);
      return status;
    }

    @Override
    @SuppressWarnings("deprecation")
    public void cancel(String generationId) {
      String id = recovered(generationId);
      if (id != null) client.videos().delete(id);
    }

    /** OpenAI's video events come from project settings, not per request: none here. */
    @Override
    public boolean onWebhook(Map<String, List<String>> headers, String body) {
      return false;
    }

    @Override
    public Report report() {
      List<GenerationRecord> gens = new ArrayList<>();
      Set<String> ids = new LinkedHashSet<>(keys().keySet());
      ids.addAll(videos().keySet());
      for (String g : ids) {
        String v = videos().get(g);
        gens.add(new GenerationRecord(g, keys().get(g), v == null ? List.of() : List.of(v)));
      }
      return new Report(gens, Set.copyOf(flagged), null);
    }

    @Override
    public void close() {
      client.close();
    }
  }
}
