package dev.vidsim.client;

import dev.vidsim.client.catalog.ModelChooser;
import dev.vidsim.client.cost.Budget;
import dev.vidsim.client.cost.Reconciler;
import dev.vidsim.client.store.JobStore;
import dev.vidsim.client.webhook.WebhookInbox;
import dev.vidsim.client.wire.Dialect;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/** Builds a {@link VideoClient}; every setting has a safe default. */
public final class VideoClientBuilder {
  private final String baseUrl;
  private final String apiKey;
  private ClientClock clock = ClientClock.system();
  private Long seed;
  private RetryPolicy retryPolicy = RetryPolicy.standard();
  private PollPolicy pollPolicy = PollPolicy.standard();
  private ModelChooser modelChooser = ModelChooser.byCapability();
  private JobStore jobStore = JobStore.inMemory();
  private WebhookInbox webhookInbox;
  private Duration webhookCheckInterval = Duration.ofSeconds(1);
  private Duration jobDeadline = Duration.ofMinutes(30);
  private boolean cancelOnDeadline = true;
  private Budget budget = Budget.UNLIMITED;
  private String tier;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private HttpClient httpClient;
  private dev.vidsim.client.cost.CostLedger costLedger;
  private Duration requestTimeout = Duration.ofSeconds(30);
  private RequestLog requestLog = new RequestLog();
  private IdempotencyPolicy idempotency = IdempotencyPolicy.standard();
  private Reconciler reconciler = Reconciler.standard();
  private Dialect dialect = Dialect.VIDSIM;
  private JsonNode priceSheet;

  VideoClientBuilder(String baseUrl, String apiKey) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
  }

  public VideoClientBuilder clock(ClientClock c) {
    this.clock = Objects.requireNonNull(c);
    return this;
  }

  /** Seeds backoff jitter and key generation: same seed, same requests, same behaviour. */
  public VideoClientBuilder seed(long s) {
    this.seed = s;
    return this;
  }

  public VideoClientBuilder retryPolicy(RetryPolicy p) {
    this.retryPolicy = Objects.requireNonNull(p);
    return this;
  }

  public VideoClientBuilder pollPolicy(PollPolicy p) {
    this.pollPolicy = Objects.requireNonNull(p);
    return this;
  }

  public VideoClientBuilder modelChooser(ModelChooser c) {
    this.modelChooser = Objects.requireNonNull(c);
    return this;
  }

  public VideoClientBuilder jobStore(JobStore s) {
    this.jobStore = Objects.requireNonNull(s);
    return this;
  }

  /** Prefer webhooks: the poller stops as soon as the inbox knows the outcome. */
  public VideoClientBuilder webhookInbox(WebhookInbox i) {
    this.webhookInbox = i;
    return this;
  }

  public VideoClientBuilder webhookCheckInterval(Duration d) {
    this.webhookCheckInterval = positive(d);
    return this;
  }

  public VideoClientBuilder jobDeadline(Duration d) {
    this.jobDeadline = positive(d);
    return this;
  }

  public VideoClientBuilder cancelOnDeadline(boolean b) {
    this.cancelOnDeadline = b;
    return this;
  }

  public VideoClientBuilder budget(Budget b) {
    this.budget = Objects.requireNonNull(b);
    return this;
  }

  public VideoClientBuilder tier(String t) {
    this.tier = t;
    return this;
  }

  public VideoClientBuilder connectTimeout(Duration d) {
    this.connectTimeout = positive(d);
    return this;
  }

  public VideoClientBuilder requestTimeout(Duration d) {
    this.requestTimeout = positive(d);
    return this;
  }

  public VideoClientBuilder requestLog(RequestLog l) {
    this.requestLog = Objects.requireNonNull(l);
    return this;
  }

  public VideoClientBuilder idempotency(IdempotencyPolicy p) {
    this.idempotency = Objects.requireNonNull(p);
    return this;
  }

  public VideoClientBuilder reconciler(Reconciler r) {
    this.reconciler = Objects.requireNonNull(r);
    return this;
  }

  /**
   * Speaks a provider's dialect instead of vidsim's {@code /v1} (the base URL stays the
   * server's; the dialect adds its prefix). Providers publish prices on pages, not in their APIs,
   * so a dialect needs the integrator's {@code priceSheet}: entries as vidsim's
   * {@code GET /v1/models} lists them; where the provider lists models, only those it lists
   * are offered.
   */
  public VideoClientBuilder dialect(Dialect d, JsonNode sheet) {
    this.dialect = Objects.requireNonNull(d);
    this.priceSheet = d == Dialect.VIDSIM ? null : Objects.requireNonNull(sheet, "priceSheet");
    return this;
  }

  private static Duration positive(Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("expected a positive duration, got " + d);
    }
    return d;
  }

  public ClientOptions options() {
    long s = seed != null ? seed : new SecureRandom().nextLong();
    return new ClientOptions(baseUrl, apiKey, clock, s, retryPolicy, pollPolicy, modelChooser,
        jobStore, webhookInbox, webhookCheckInterval, jobDeadline, cancelOnDeadline, budget, tier,
        connectTimeout, requestTimeout, requestLog, idempotency, reconciler);
  }

  /**
   * Reuses one {@link HttpClient} (its connection pool and threads) across many VideoClients,
   * e.g. one per tenant or per restart; by default each VideoClient makes its own.
   */
  public VideoClientBuilder httpClient(HttpClient shared) {
    this.httpClient = Objects.requireNonNull(shared);
    return this;
  }

  /**
   * The client's own record of what each job costs, kept where the application keeps its job
   * store: after a restart the client still knows what it spent before (poll fees, charges kept
   * on failure). By default each VideoClient starts an empty one.
   */
  public VideoClientBuilder costLedger(dev.vidsim.client.cost.CostLedger kept) {
    this.costLedger = Objects.requireNonNull(kept);
    return this;
  }

  public VideoClient build() {
    return new VideoClient(options(), httpClient,
        costLedger != null ? costLedger : new dev.vidsim.client.cost.CostLedger(), dialect,
        priceSheet);
  }
}
