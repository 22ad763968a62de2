package dev.vidsim.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.clock.InstantText;
import dev.vidsim.clock.SimClock;
import dev.vidsim.clock.SimDuration;
import dev.vidsim.faults.Decision;
import dev.vidsim.faults.Faults;
import dev.vidsim.faults.RequestFacts;
import dev.vidsim.faults.WebhookFault;
import dev.vidsim.journal.Journal;
import dev.vidsim.random.SimRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Webhook events of one simulator run: scheduled on the simulated clock, posted on real threads,
 * retried with backoff until a 2xx, stopped on 410, every attempt journaled. Confined to the
 * engine's lock; only the HTTP exchange itself runs outside it.
 */
public final class Webhooks {
  /** Attempts kept for GET /_sim/webhooks; older ones are forgotten (the journal keeps them). */
  public static final int ATTEMPTS_KEPT_MAX = 10_000;
  private final SimClock clock;
  private final Journal journal;
  private final Faults faults;
  private final SimRandom random;
  private final WebhookConfig config;
  private final Map<String, String> tenantUrls;
  private final Map<String, String> secrets = new HashMap<>();
  private Ed25519Key ed25519;
  private final List<InFlight> inFlight = new ArrayList<>();
  private final LinkedHashMap<Long, Attempt> attempts = new LinkedHashMap<>();
  private long attemptSeq;

  private record InFlight(long seq, Event event, int attempt, Instant sentAt,
                          Map<String, String> headers, CompletableFuture<Sender.Result> result) {}

  /**
   * A receiver's answer to attempt {@code seq}: its status, or 0 with an error; the Location of
   * a 3xx (never followed), else null.
   */
  public record Answer(long seq, int status, String error, String location) {}

  /** While held (a replay), attempts are not posted: their answers come from the log. */
  private boolean holding;

  /** Told when the sender gives up on a job's event: (job id, attempts made). */
  private java.util.function.ObjIntConsumer<String> abandoned = (job, attempts) -> { };

  public void onAbandoned(java.util.function.ObjIntConsumer<String> listener) {
    this.abandoned = listener;
  }

  public Webhooks(SimClock clock, Journal journal, Faults faults, SimRandom random,
                  WebhookConfig config) {
    this.clock = clock;
    this.journal = journal;
    this.faults = faults;
    this.random = random;
    this.config = config;
    this.tenantUrls = new HashMap<>(config.tenantUrls());
  }

  public String secret(String tenant) {
    return secrets.computeIfAbsent(tenant, t -> Signer.secretFor(random, t));
  }

  /** The simulator's Ed25519 webhook key (one for every tenant), drawn from the seed. */
  public Ed25519Key ed25519() {
    if (ed25519 == null) {
      var r = random.stream("webhook-ed25519");
      byte[] seed = new byte[Ed25519Key.SEED_BYTES];
      for (int i = 0; i < seed.length; i++) seed[i] = (byte) r.nextInt(256);
      ed25519 = Ed25519Key.fromSeed(seed);
    }
    return ed25519;
  }

  /** Why this URL may not receive webhooks, or null when it may. */
  public String problem(String url) {
    return Targets.problem(url, config.allow());
  }

  public void setTenantUrl(String tenant, String url) {
    if (url == null) tenantUrls.remove(tenant);
    else tenantUrls.put(tenant, url);
  }

  public String targetFor(String tenant, String jobUrl) {
    return jobUrl != null ? jobUrl : tenantUrls.get(tenant);
  }

  /**
   * Creates an event about a job (its body rendered from the event's id and time) and
   * schedules its delivery, as fault rules allow.
   *
   * @param facts   what fault rules may match (endpoint webhook, tenant, model, region, event)
   * @param signing how attempts are signed; null: Standard Webhooks
   */
  public void publish(RequestFacts facts, String jobId, String url,
                      java.util.function.BiFunction<String, Instant, String> body,
                      Signing signing) {
    Instant now = clock.instant();
    String id = "evt_" + random.hexId("events/" + facts.tenant(), 24);
    Event e = new Event(id, facts.tenant(), jobId, facts.event(), url, body.apply(id, now), now,
        signing == null ? Signing.STANDARD : signing);
    journal.append("webhook_event", Journal.fields().put("event", id).put("job", jobId)
        .put("type", e.type()).put("url", url));
    Decision d = faults.evaluate(facts, now);
    WebhookFault f = d.webhook();
    if (f != null) {
      journal.append("webhook_fault", Journal.fields().put("event", id)
          .put("fault", f.kind().wireName()).put("rules", String.join(",", d.fired())));
    }
    if (f != null && f.kind() == WebhookFault.Kind.DROP) return;
    Duration wait = f != null && f.delay() != null ? f.delay() : Duration.ZERO;
    schedule(e, 1, now.plus(wait));
    if (f != null && f.kind() == WebhookFault.Kind.DUPLICATE) schedule(e, 1, now.plus(wait));
  }

  private void schedule(Event e, int attempt, Instant at) {
    clock.schedule(at, () -> send(e, attempt));
  }

  private void send(Event e, int attempt) {
    Instant now = clock.instant();
    long timestamp = now.getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>(e.signing().headers(e, timestamp,
        secret(e.tenant())));
    headers.put("User-Agent", "vidsim-webhooks");
    long seq = ++attemptSeq;
    remember(seq, new Attempt(e.id(), e.jobId(), e.type(), e.url(), attempt, now, null, null));
    journal.append("webhook_attempt", Journal.fields().put("event", e.id()).put("job", e.jobId())
        .put("url", e.url()).put("attempt", attempt));
    inFlight.add(new InFlight(seq, e, attempt, now, headers, holding ? new CompletableFuture<>()
        : Sender.post(e.url(), headers, e.body(), config.timeout())));
  }

  public long timeoutMillis() {
    return config.timeout().toMillis();
  }

  public boolean hasInFlight() {
    return !inFlight.isEmpty();
  }

  /** The exchanges still on the wire, to wait for outside the engine's lock. */
  public List<CompletableFuture<?>> inFlightResults() {
    return inFlight.stream().<CompletableFuture<?>>map(InFlight::result).toList();
  }

  /** The answers in so far, in sending order: what {@link #settle} is then given. */
  public List<Answer> answered() {
    List<Answer> out = new ArrayList<>();
    for (InFlight f : inFlight) {
      if (!f.result().isDone()) continue;
      Sender.Result r = f.result().join();
      out.add(new Answer(f.seq(), r.status(), r.error(), r.location()));
    }
    return out;
  }

  /**
   * Records these answers, in their order, and schedules retries: exactly these, so the same
   * answers give the same journal whenever others arrive.
   */
  public int settle(List<Answer> answers) {
    int settled = 0;
    for (Answer a : answers) {
      for (Iterator<InFlight> it = inFlight.iterator(); it.hasNext(); ) {
        InFlight f = it.next();
        if (f.seq() != a.seq()) continue;
        it.remove();
        settled++;
        outcome(f, new Sender.Result(a.status(), a.error(), a.location()));
        break;
      }
    }
    return settled;
  }

  /** Attempts made from now on wait for answers given to {@link #settle} (a replay). */
  public void hold() {
    holding = true;
  }

  /**
   * Ends a replay: attempts whose answer the log never got (the process died first) are posted
   * again for real. A receiver may see one twice, as after any sender's crash; it dedupes by id.
   */
  public void release() {
    holding = false;
    for (InFlight f : inFlight) {
      if (f.result().isDone()) continue;
      Event e = f.event();
      Sender.post(e.url(), f.headers(), e.body(), config.timeout())
          .thenAccept(f.result()::complete);
    }
  }

  private void outcome(InFlight f, Sender.Result r) {
    Event e = f.event();
    remember(f.seq(), new Attempt(e.id(), e.jobId(), e.type(), e.url(), f.attempt(), f.sentAt(),
        r.status(), r.error()));
    ObjectNode line = Journal.fields().put("event", e.id()).put("attempt", f.attempt())
        .put("status", r.status());
    if (r.error() != null) line.put("error", r.error());
    if (r.redirect()) {
      // never followed: the receiver must answer 2xx at the URL it registered
      line.put("redirect", "not followed").put("location", r.location());
    }
    if (r.delivered()) {
      journal.append("webhook_delivered", line);
    } else if (r.status() == 410) {
      journal.append("webhook_stopped", line.put("reason", "410 Gone: endpoint unsubscribed"));
    } else if (f.attempt() >= config.attemptsMax()) {
      journal.append("webhook_failed", line.put("reason", "gave up after "
          + config.attemptsMax() + " attempts"));
      abandoned.accept(e.jobId(), f.attempt());
    } else {
      Instant at = f.sentAt().plus(config.retries().get(f.attempt() - 1));
      if (at.isBefore(clock.instant())) at = clock.instant();
      journal.append("webhook_retry", line.put("next", InstantText.of(at))
          .put("backoff", SimDuration.format(config.retries().get(f.attempt() - 1))));
      schedule(e, f.attempt() + 1, at);
    }
  }

  private void remember(long seq, Attempt a) {
    attempts.put(seq, a);
    if (attempts.size() > ATTEMPTS_KEPT_MAX) attempts.remove(attempts.keySet().iterator().next());
  }

  public List<Attempt> attempts() {
    return List.copyOf(attempts.values());
  }

  /** Waits up to {@code timeoutMillis} for webhook answers (each reports its own failure). */
  public static void awaitAnswers(List<CompletableFuture<?>> futures, long timeoutMillis) {
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
          .get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // each future reports its own failure; one still running is settled on a later round
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
