package dev.vidsim.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.client.catalog.ModelInfo;
import dev.vidsim.client.cost.CostLedger;
import dev.vidsim.client.cost.Reconciliation;
import dev.vidsim.client.wire.Dialect;
import dev.vidsim.client.wire.ProviderWire;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A careful client of a paid, asynchronous video API (vidsim's {@code /v1}). One call does it
 * all: {@link #generate} picks a model from the live catalog, quotes it and checks the budget,
 * creates the job at most once (idempotency key saved before sending, looked up after any
 * ambiguous failure), waits by webhook or polling, enforces a deadline, and records the cost.
 * {@link #submit}, {@link #await}, {@link #poll} and {@link #cancel} are the steps on their own.
 *
 * <pre>{@code
 * VideoClient client = VideoClient.builder("http://127.0.0.1:8080", "sk-test-alice").build();
 * GenerationResult r = client.generate(
 *     GenerationRequest.builder("a cat surfing").seconds(6).build());
 * Reconciliation bill = client.reconcile();
 * }</pre>
 */
public final class VideoClient {
  private final ClientOptions options;
  private final Api api;
  private final CostLedger ledger;
  private final Submitter submitter;
  private final Poller poller;
  private volatile List<ModelInfo> catalog;

  VideoClient(ClientOptions options) {
    this(options, null);
  }

  VideoClient(ClientOptions options, java.net.http.HttpClient shared) {
    this(options, shared, new CostLedger(), Dialect.VIDSIM, null);
  }

  /**
   * @param ledger     the client's cost beliefs, possibly kept from before a restart
   * @param priceSheet the integrator's models and prices (a dialect other than vidsim)
   */
  VideoClient(ClientOptions options, java.net.http.HttpClient shared, CostLedger ledger,
              Dialect dialect, JsonNode priceSheet) {
    this.options = options;
    this.ledger = java.util.Objects.requireNonNull(ledger, "ledger");
    SplittableRandom root = new SplittableRandom(options.seed());
    SplittableRandom keys = root.split();
    SplittableRandom jitter = root.split();
    ProviderWire wire = dialect.wire(options.apiKey(), priceSheet, options.jobStore(),
        options.clock(), options.pollPolicy().interval(1, false),
        job -> ledger.recordSeen(VideoJob.fromJson(job)));
    Http http = new Http(options.baseUrl(), options.apiKey(), options.connectTimeout(),
        options.requestTimeout(), shared).speaking(wire);
    this.api = new Api(new Retrier(http, options.retryPolicy(), options.clock(), jitter,
        options.requestLog()), options.idempotency(),
        wire == null || wire.capabilities().idempotencyKey());
    this.submitter = new Submitter(options, api, ledger, this::models, this::refreshModels,
        keys);
    this.poller = new Poller(options, api, ledger);
  }

  public static VideoClientBuilder builder(String baseUrl, String apiKey) {
    return new VideoClientBuilder(baseUrl, apiKey);
  }

  /** Submits (or resumes) the generation and waits for its outcome or its deadline. */
  public GenerationResult generate(GenerationRequest request) {
    return await(submit(request));
  }

  /** Chooses, quotes, checks the budget and creates the job at most once; does not wait. */
  public Submission submit(GenerationRequest request) {
    return submitter.submit(request);
  }

  /** Waits for a submitted job by webhook or polling, within its deadline. */
  public GenerationResult await(Submission submission) {
    return poller.await(submission);
  }

  /**
   * One status poll (charges the model's poll fee, if any, and the ledger records it); a job
   * the client already knows has ended is answered from memory, free, without a request.
   */
  public VideoJob poll(String jobId) {
    return poller.knownFinal(jobId).orElseGet(() -> poller.poll(jobId, java.time.Duration.ZERO));
  }

  public VideoJob cancel(String jobId) {
    VideoJob job = api.cancel(jobId);
    ledger.recordSeen(job);
    return job;
  }

  /** The job created with this idempotency key, if any (free: no poll fee). */
  public Optional<VideoJob> findByKey(String idempotencyKey) {
    return api.lookup(idempotencyKey);
  }

  /**
   * The live catalog, fetched once and cached; {@link #refreshModels} fetches it again, and the
   * client does so itself (once) when a create says the model is gone.
   */
  public List<ModelInfo> models() {
    List<ModelInfo> c = catalog;
    return c != null ? c : refreshModels();
  }

  /** Drops the cached catalog first: if the fetch fails, the next use fetches it again. */
  public List<ModelInfo> refreshModels() {
    catalog = null;
    List<ModelInfo> out = new ArrayList<>();
    api.models().path("data").forEach(m -> out.add(ModelInfo.fromJson(m)));
    catalog = List.copyOf(out);
    return catalog;
  }

  /** The provider's usage report ({@code GET /v1/account/usage}). */
  public JsonNode usage() {
    return api.usage();
  }

  /** The client's ledger compared, job by job, with what the provider charged. */
  public Reconciliation reconcile() {
    return options.reconciler().reconcile(ledger, api::usage);
  }

  /** The signing secret for webhooks ({@code GET /v1/webhooks/secret}). */
  public String webhookSecret() {
    return api.webhookSecret();
  }

  public CostLedger ledger() {
    return ledger;
  }

  public RequestLog requestLog() {
    return options.requestLog();
  }

  public ClientOptions options() {
    return options;
  }
}
