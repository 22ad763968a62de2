package dev.vidsim.tck.reference;

import dev.vidsim.checker.ClientLimits;
import dev.vidsim.client.ClientClock;
import dev.vidsim.client.VideoClient;
import dev.vidsim.client.VideoClientBuilder;
import dev.vidsim.client.cost.CostLedger;
import dev.vidsim.client.store.FileJobStore;
import dev.vidsim.client.store.JobStore;
import dev.vidsim.client.webhook.WebhookInbox;
import dev.vidsim.client.webhook.WebhookVerifier;
import dev.vidsim.client.wire.Dialect;
import dev.vidsim.money.Money;
import dev.vidsim.tck.ClientEnvironment;
import dev.vidsim.tck.ClientFactory;
import dev.vidsim.tck.ClientUnderTest;
import dev.vidsim.tck.SimTime;
import dev.vidsim.tck.internal.SimHost;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Runs vidsim's reference client ({@link VideoClient}) under the TCK. Variants (the mutant
 * clients of the harness's own tests) change one piece through {@link #withBuilder} or
 * {@link #withInbox}.
 */
public class ReferenceClientFactory implements ClientFactory {
  /**
   * The retry policy the TCK runs the reference client with: the standard one with more
   * attempts, so that its 30 s backoff cap actually binds (with 5 attempts it never would).
   */
  public static final dev.vidsim.client.BackoffRetryPolicy RETRY =
      new dev.vidsim.client.BackoffRetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 8,
          Duration.ofMinutes(5));
  /** Polls from 10 s, doubling up to 5 min: fewer requests per try than the 5 s default. */
  public static final dev.vidsim.client.GrowingPollPolicy POLL =
      new dev.vidsim.client.GrowingPollPolicy(Duration.ofSeconds(10), 200, Duration.ofMinutes(5),
          120, Duration.ofMinutes(2));
  /** What the reference client promises with those policies. */
  public static final ClientLimits LIMITS = new ClientLimits(8, Duration.ofSeconds(30),
      Duration.ofSeconds(10), 500, Duration.ofMinutes(30), Duration.ofMinutes(2));
  static final Duration WEBHOOK_TOLERANCE = Duration.ofMinutes(5);
  /** How often a waiting client looks at its inbox: each look is one step of virtual time. */
  static final Duration WEBHOOK_CHECK = Duration.ofSeconds(10);
  private final UnaryOperator<VideoClientBuilder> builder;
  private final InboxFactory inbox;
  private final ClientLimits limits;
  private UnaryOperator<String> baseUrl = u -> u;
  private Function<VideoClient, Money> believedSpend = ReferenceClientFactory::expectedTotal;
  private DialectProfile dialect = DialectProfile.of(Dialect.VIDSIM);
  private Function<ClientEnvironment, JobStore> jobStore = ReferenceClientFactory::fileJobStore;

  /** Makes the client's webhook inbox; a variant can make a broken one. */
  public interface InboxFactory {
    WebhookInbox create(WebhookVerifier verifier);
  }

  public ReferenceClientFactory() {
    this(b -> b, WebhookInbox::new, LIMITS);
  }

  protected ReferenceClientFactory(UnaryOperator<VideoClientBuilder> builder, InboxFactory inbox,
                                   ClientLimits limits) {
    this.builder = builder;
    this.inbox = inbox;
    this.limits = limits;
  }

  public ReferenceClientFactory withBuilder(UnaryOperator<VideoClientBuilder> change) {
    return copy(new ReferenceClientFactory(b -> change.apply(builder.apply(b)), inbox, limits));
  }

  public ReferenceClientFactory withInbox(InboxFactory newInbox) {
    return copy(new ReferenceClientFactory(builder, newInbox, limits));
  }

  /** Points the client elsewhere, e.g. through a proxy that rewrites its requests. */
  public ReferenceClientFactory withBaseUrl(UnaryOperator<String> change) {
    ReferenceClientFactory f = copy(new ReferenceClientFactory(builder, inbox, limits));
    f.baseUrl = change;
    return f;
  }

  /** How the application derives what it believes it spent (default: the client's ledger). */
  public ReferenceClientFactory withBelievedSpend(Function<VideoClient, Money> spend) {
    ReferenceClientFactory f = copy(new ReferenceClientFactory(builder, inbox, limits));
    f.believedSpend = spend;
    return f;
  }

  /**
   * The same client speaking a provider's dialect: polls (no webhook inbox: deliveries come in
   * the provider's shape), its catalog the world's models as the integrator's price sheet, and
   * the checks the dialect cannot keep waived with their reasons ({@link DialectProfile}).
   */
  public ReferenceClientFactory withDialect(Dialect d) {
    ReferenceClientFactory f = copy(new ReferenceClientFactory(builder, inbox, limits));
    f.dialect = DialectProfile.of(d);
    return f;
  }

  /** Where the client keeps its generations (default: a file, reopened on each restart). */
  public ReferenceClientFactory withJobStore(Function<ClientEnvironment, JobStore> store) {
    ReferenceClientFactory f = copy(new ReferenceClientFactory(builder, inbox, limits));
    f.jobStore = store;
    return f;
  }

  public DialectProfile dialect() {
    return dialect;
  }

  @Override
  public java.util.Set<String> waivedChecks() {
    return dialect.waived().keySet();
  }

  private ReferenceClientFactory copy(ReferenceClientFactory f) {
    f.baseUrl = baseUrl;
    f.believedSpend = believedSpend;
    f.dialect = dialect;
    f.jobStore = jobStore;
    return f;
  }

  /** The client's own ledger: fees paid, usage by the status it last saw, policies applied. */
  static Money expectedTotal(VideoClient client) {
    return new Money(client.ledger().expectedTotal().micros());
  }

  @Override
  public ClientLimits limits() {
    return limits;
  }

  /**
   * One connection pool for every client start and restart of a run (thousands per suite). A
   * direct executor: an answer is finished on the client's selector thread rather than handed to
   * a pool thread first, one thread hand-off fewer per request (about 8 % of the suite's time).
   */
  private static final HttpClient HTTP = HttpClient.newBuilder().executor(Runnable::run)
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  @Override
  public ClientUnderTest start(ClientEnvironment env) {
    ClientClock clock = clock(env.time());
    VideoClientBuilder b = VideoClient.builder(baseUrl.apply(env.baseUrl()), env.apiKey())
        .clock(clock).httpClient(HTTP)
        .seed(env.seed()).tier(env.tier()).retryPolicy(RETRY).pollPolicy(POLL)
        .webhookCheckInterval(WEBHOOK_CHECK)
        .jobStore(jobStore.apply(env))
        // what it believes it spent survives a restart, as its keys do
        .costLedger((CostLedger) env.durable().computeIfAbsent("costLedger",
            k -> new CostLedger()));
    boolean own = dialect.dialect() == Dialect.VIDSIM;
    if (!own) b.dialect(dialect.dialect(), dialect.priceSheet(SimHost.shared().scenario()));
    WebhookInbox webhooks = own ? webhookInbox(env, clock) : null;
    if (webhooks != null) b.webhookInbox(webhooks);
    return new ReferenceClient(builder.apply(b).build(), env, webhooks, believedSpend,
        dialect.engineJobId());
  }

  /**
   * The inbox needs the tenant's signing secret; a simulator without webhooks has none. What it
   * processed is durable, as an application's webhook table is: a duplicate that arrives after a
   * restart is still a duplicate.
   */
  private WebhookInbox webhookInbox(ClientEnvironment env, ClientClock clock) {
    if (env.webhookSecret() == null) return null;
    return (WebhookInbox) env.durable().computeIfAbsent("webhookInbox", k -> inbox.create(
        new WebhookVerifier(env.webhookSecret(), WEBHOOK_TOLERANCE, clock)));
  }

  /**
   * What a deployed client keeps its generations in: an append-only file that survives the
   * process. Only the file's path is durable; each start opens it again and replays it, so a
   * restart reads back exactly what was fsynced before the process died.
   */
  static JobStore fileJobStore(ClientEnvironment env) {
    return new FileJobStore((Path) env.durable().computeIfAbsent("jobStoreFile",
        k -> StoreFiles.next()));
  }

  static ClientClock clock(SimTime time) {
    return new ClientClock() {
      @Override
      public Instant now() {
        return time.now();
      }

      @Override
      public void sleep(Duration d) {
        time.sleep(d);
      }
    };
  }
}
