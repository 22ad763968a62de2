package dev.vidsim.tck.reference;

import dev.vidsim.client.ApiException;
import dev.vidsim.client.GenerationRequest;
import dev.vidsim.client.GenerationResult;
import dev.vidsim.client.Submission;
import dev.vidsim.client.VideoClient;
import dev.vidsim.client.store.StoredGeneration;
import dev.vidsim.client.webhook.WebhookInbox;
import dev.vidsim.money.Money;
import dev.vidsim.tck.ClientEnvironment;
import dev.vidsim.tck.ClientUnderTest;
import dev.vidsim.tck.Generation;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The TCK adapter of the reference client: each TCK call is one {@link VideoClient} call. What a
 * real application keeps across restarts (the job store, its requests, which ones the provider
 * refused for good) lives in the environment's durable map; the rest is lost on restart.
 */
final class ReferenceClient implements ClientUnderTest {
  private final VideoClient client;
  private final ClientEnvironment env;
  private final WebhookInbox inbox;
  // the user's app may call from two threads at once
  private final Map<String, Submission> submissions =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Set<String> flagged = java.util.Collections.synchronizedSet(
      new LinkedHashSet<>());
  private final java.util.function.Function<VideoClient, Money> believedSpend;
  /** The simulator's id of a job the client knows by its dialect's id. */
  private final java.util.function.UnaryOperator<String> engineId;

  ReferenceClient(VideoClient client, ClientEnvironment env, WebhookInbox inbox,
                  java.util.function.Function<VideoClient, Money> believedSpend,
                  java.util.function.UnaryOperator<String> engineId) {
    this.engineId = engineId;
    this.client = client;
    this.env = env;
    this.inbox = inbox;
    this.believedSpend = believedSpend;
  }

  @SuppressWarnings("unchecked")
  private Map<String, GenerationRequest> requests() {
    return (Map<String, GenerationRequest>) env.durable().computeIfAbsent("requests",
        k -> new java.util.concurrent.ConcurrentHashMap<String, GenerationRequest>());
  }

  @SuppressWarnings("unchecked")
  private Set<String> refused() {
    return (Set<String>) env.durable().computeIfAbsent("refused",
        k -> java.util.Collections.synchronizedSet(new LinkedHashSet<>()));
  }

  @Override
  public String submit(Generation g) {
    GenerationRequest.Builder b = GenerationRequest.builder(g.prompt()).generationId(g.id())
        .mode(g.mode()).models(g.models().toArray(String[]::new));
    if (g.seconds() != null) b.seconds(g.seconds());
    if (g.resolution() != null) b.resolution(g.resolution());
    if (g.image() != null) b.image(g.image());
    if (g.webhook() && inbox != null) b.webhookUrl(env.webhookUrl());
    GenerationRequest request = b.build();
    requests().put(g.id(), request);
    firstSubmitted().putIfAbsent(g.id(), env.time().now());
    return submitted(g.id(), request);
  }

  private String submitted(String id, GenerationRequest request) {
    try {
      Submission s = client.submit(request);
      submissions.put(id, s);
      return s.job().id();
    } catch (ApiException e) {
      if (isFinal(e.status())) refused().add(id);
      throw e;
    } catch (RuntimeException e) {
      if (client.options().jobStore().find(id).isEmpty()) refused().add(id);
      throw e;
    }
  }

  /**
   * Refused, and no job made: the same generation sent from another thread at the same time may
   * have made one while this thread's create was refused (a 402 on one, the job on the other).
   */
  private boolean refusedForGood(String id) {
    return refused().contains(id) && client.options().jobStore().find(id)
        .filter(dev.vidsim.client.store.StoredGeneration::hasJob).isEmpty();
  }

  /** A definite no from the provider (not a transient failure that may have created a job). */
  private static boolean isFinal(int status) {
    return status >= 400 && status < 500 && status != 409 && status != 429;
  }

  /**
   * After a restart (or a failed submit), the stored generation is resumed, never re-paid. The
   * client starts a job's deadline when it submits; a resume keeps the first one, or a client
   * that restarts often would watch a stuck job forever.
   */
  private Submission submission(String id) {
    Submission s = submissions.get(id);
    if (s != null || refusedForGood(id) || !requests().containsKey(id)) return s;
    GenerationRequest r = requests().get(id);
    java.time.Duration left = java.time.Duration.between(env.time().now(),
        firstSubmitted().get(id).plus(client.options().jobDeadline()));
    submitted(id, new GenerationRequest(r.generationId(), r.prompt(), r.mode(), r.seconds(),
        r.resolution(), r.region(), r.images(), r.webhookUrl(), r.models(),
        left.compareTo(java.time.Duration.ofMillis(1)) < 0 ? java.time.Duration.ofMillis(1)
            : left));
    return submissions.get(id);
  }

  @SuppressWarnings("unchecked")
  private Map<String, java.time.Instant> firstSubmitted() {
    return (Map<String, java.time.Instant>) env.durable().computeIfAbsent("firstSubmitted",
        k -> new java.util.concurrent.ConcurrentHashMap<String, java.time.Instant>());
  }

  @Override
  public Finished await(String id) {
    Submission s = submission(id);
    if (s == null) return null;
    GenerationResult r = client.await(s);
    if (r.stuck()) flagged.add(engineId.apply(r.jobId()));
    return new Finished(engineId.apply(r.jobId()), r.status(), r.stuck());
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
    if (inbox == null) return false;
    return inbox.receive(headers, body).outcome() == WebhookInbox.Outcome.ACCEPTED;
  }

  @Override
  public Report report() {
    List<GenerationRecord> gens = client.options().jobStore().all().stream()
        .map(this::record).toList();
    Map<String, Money> perJob = new HashMap<>();
    client.ledger().lines().forEach(l -> perJob.put(engineId.apply(l.jobId()),
        new Money(l.expected().micros())));
    Set<String> flaggedNow;
    synchronized (flagged) {
      flaggedNow = Set.copyOf(flagged);
    }
    return new Report(gens, flaggedNow, believedSpend.apply(client), perJob);
  }

  private GenerationRecord record(StoredGeneration g) {
    return new GenerationRecord(g.generationId(), g.idempotencyKey(),
        g.jobId() == null ? List.of() : List.of(engineId.apply(g.jobId())));
  }

  @Override
  public void close() {
    // the reference client holds no threads of its own beyond its HTTP client's
  }
}
