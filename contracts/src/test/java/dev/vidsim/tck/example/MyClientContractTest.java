package dev.vidsim.tck.example;

// readme:start
import dev.vidsim.checker.ClientLimits;
import dev.vidsim.client.ApiException;
import dev.vidsim.client.ClientClock;
import dev.vidsim.client.GenerationRequest;
import dev.vidsim.client.Submission;
import dev.vidsim.client.VideoClient;
import dev.vidsim.client.cost.CostLedger;
import dev.vidsim.client.store.JobStore;
import dev.vidsim.client.store.StoredGeneration;
import dev.vidsim.client.webhook.WebhookInbox;
import dev.vidsim.client.webhook.WebhookVerifier;
import dev.vidsim.money.Money;
import dev.vidsim.tck.ClientContract;
import dev.vidsim.tck.ClientEnvironment;
import dev.vidsim.tck.ClientFactory;
import dev.vidsim.tck.ClientUnderTest;
import dev.vidsim.tck.Generation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.PropertyDefaults;

/** The whole vidsim invariant suite against "my" client (here: vidsim's VideoClient). */
@PropertyDefaults(tries = 50) // the default is 1000
class MyClientContractTest extends ClientContract {
  @Override
  protected ClientFactory clientFactory() {
    return new ClientFactory() {
      @Override
      public ClientLimits limits() { // what my client promises
        return new ClientLimits(5, Duration.ofSeconds(30), Duration.ofSeconds(5), 500,
            Duration.ofMinutes(30), Duration.ofMinutes(2));
      }

      @Override
      public ClientUnderTest start(ClientEnvironment env) {
        return new MyAdapter(env);
      }
    };
  }

  /** One running instance of my client; env.durable() is what survives a restart. */
  static final class MyAdapter implements ClientUnderTest {
    private final ClientEnvironment env;
    private final WebhookInbox inbox;
    private final VideoClient client;
    private final Map<String, Submission> inMemory = new ConcurrentHashMap<>();

    MyAdapter(ClientEnvironment env) {
      this.env = env;
      ClientClock clock = ClientClock.of(env.time()::now, env.time()::sleep);
      this.inbox = new WebhookInbox(new WebhookVerifier(env.webhookSecret(),
          Duration.ofMinutes(5), clock));
      this.client = VideoClient.builder(env.baseUrl(), env.apiKey()).clock(clock)
          .seed(env.seed()).tier(env.tier()).webhookInbox(inbox)
          .jobStore((JobStore) env.durable().computeIfAbsent("store", k -> JobStore.inMemory()))
          .costLedger((CostLedger) env.durable().computeIfAbsent("spent", k -> new CostLedger()))
          .build();
    }

    @SuppressWarnings("unchecked")
    private <T> Map<String, T> durable(String name) {
      return (Map<String, T>) env.durable().computeIfAbsent(name, k -> new ConcurrentHashMap<>());
    }

    @Override
    public String submit(Generation g) {
      GenerationRequest.Builder b = GenerationRequest.builder(g.prompt()).generationId(g.id())
          .mode(g.mode()).models(g.models().toArray(String[]::new));
      if (g.seconds() != null) b.seconds(g.seconds());
      if (g.resolution() != null) b.resolution(g.resolution());
      if (g.image() != null) b.image(g.image());
      if (g.webhook()) b.webhookUrl(env.webhookUrl());
      this.<GenerationRequest>durable("requests").put(g.id(), b.build());
      this.<Instant>durable("since").putIfAbsent(g.id(), env.time().now());
      return submission(g.id()).job().id();
    }

    /** In memory, or resumed from the durable store after a restart (never paid twice). */
    private Submission submission(String id) {
      Submission s = inMemory.get(id);
      GenerationRequest r = this.<GenerationRequest>durable("requests").get(id);
      if (s != null || r == null || refused(id)) return s;
      Instant deadline = this.<Instant>durable("since").get(id).plus(Duration.ofMinutes(30));
      Duration left = Duration.between(env.time().now(), deadline);
      try {
        s = client.submit(new GenerationRequest(r.generationId(), r.prompt(), r.mode(),
            r.seconds(), r.resolution(), r.region(), r.images(), r.webhookUrl(), r.models(),
            left.toMillis() > 0 ? left : Duration.ofMillis(1)));
      } catch (ApiException e) { // a definite no (402, 404, 422...): never send it again
        if (e.status() / 100 == 4 && e.status() != 409 && e.status() != 429) {
          this.<Integer>durable("refused").put(id, e.status());
        }
        throw e;
      }
      inMemory.put(id, s);
      return s;
    }

    /** Refused for good, unless the same generation sent from another thread made a job. */
    private boolean refused(String id) {
      return durable("refused").containsKey(id)
          && client.options().jobStore().find(id).filter(StoredGeneration::hasJob).isEmpty();
    }

    @Override
    public Finished await(String id) {
      Submission s = submission(id);
      if (s == null) return null;
      var result = client.await(s);
      return new Finished(result.jobId(), result.status(), result.stuck());
    }

    @Override
    public void poll(String id) {
      Submission s = submission(id);
      if (s != null) client.poll(s.job().id());
    }

    @Override
    public void cancel(String id) {
      Submission s = submission(id);
      if (s != null) client.cancel(s.job().id());
    }

    @Override
    public boolean onWebhook(Map<String, List<String>> headers, String body) {
      return inbox.receive(headers, body).outcome() == WebhookInbox.Outcome.ACCEPTED;
    }

    @Override
    public Report report() {
      return new Report(client.options().jobStore().all().stream()
          .map(g -> new GenerationRecord(g.generationId(), g.idempotencyKey(),
              g.jobId() == null ? List.of() : List.of(g.jobId()))).toList(),
          Set.of(), new Money(client.ledger().expectedTotal().micros()));
    }

    @Override
    public void close() {}
  }
}
