package dev.vidsim.client.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.client.JsonSupport;
import dev.vidsim.client.VideoJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Receives webhook deliveries: verifies each, processes every {@code webhook-id} once, ignores
 * events older than what is already known about the job, and remembers each job's latest state
 * so the poller can stop as soon as an outcome arrives. Bounded and thread-safe. Each check is a
 * protected method, so a deliberately broken variant is one override.
 */
public class WebhookInbox {
  public static final int REMEMBERED_MAX_DEFAULT = 10_000;

  public enum Outcome { ACCEPTED, DUPLICATE, STALE, REJECTED }

  /** What happened to one delivery; {@link #httpStatus()} is what to answer the sender. */
  public record Delivery(Outcome outcome, String webhookId, String reason, WebhookEvent event) {
    /** 2xx for everything verified (so the sender stops retrying), 400 for a rejected one. */
    public int httpStatus() {
      return outcome == Outcome.REJECTED ? 400 : 204;
    }
  }

  private record Known(VideoJob job, Instant eventAt) {}

  private final WebhookVerifier verifier;
  private final int rememberedMax;
  private final Map<String, Boolean> seenIds;
  private final Map<String, Known> known;
  private final List<Consumer<WebhookEvent>> listeners = new CopyOnWriteArrayList<>();
  private final List<WebhookEvent> processed = new ArrayList<>();

  public WebhookInbox(WebhookVerifier verifier) {
    this(verifier, REMEMBERED_MAX_DEFAULT);
  }

  public WebhookInbox(WebhookVerifier verifier, int rememberedMax) {
    this.verifier = verifier;
    this.rememberedMax = rememberedMax;
    this.seenIds = bounded(rememberedMax);
    this.known = bounded(rememberedMax);
  }

  private static <V> Map<String, V> bounded(int max) {
    return new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > max;
      }
    };
  }

  /** Header names are matched case-insensitively. */
  public Delivery receive(Map<String, List<String>> headers, String body) {
    Map<String, String> h = new LinkedHashMap<>();
    headers.forEach((k, v) -> {
      if (!v.isEmpty()) h.put(k.toLowerCase(Locale.ROOT), String.join(" ", v));
    });
    return receive(h.get("webhook-id"), h.get("webhook-timestamp"), h.get("webhook-signature"),
        body);
  }

  public Delivery receive(String webhookId, String timestamp, String signature, String body) {
    WebhookEvent event;
    try {
      verifier.verify(webhookId, timestamp, signature, body);
      event = parse(webhookId, body);
    } catch (WebhookRejectedException e) {
      return new Delivery(Outcome.REJECTED, webhookId, e.getMessage(), null);
    }
    synchronized (this) {
      if (isDuplicate(webhookId)) {
        return new Delivery(Outcome.DUPLICATE, webhookId, "webhook-id already processed", event);
      }
      seenIds.put(webhookId, Boolean.TRUE);
      Known k = known.get(event.job().id());
      if (k != null && isStale(event, k.job(), k.eventAt())) {
        return new Delivery(Outcome.STALE, webhookId, "job " + event.job().id() + " is already "
            + k.job().status(), event);
      }
      known.put(event.job().id(), new Known(event.job(), event.createdAt()));
      processed.add(event);
      if (processed.size() > rememberedMax) processed.remove(0);
    }
    listeners.forEach(l -> l.accept(event));
    return new Delivery(Outcome.ACCEPTED, webhookId, null, event);
  }

  private static WebhookEvent parse(String webhookId, String body) {
    JsonNode n = JsonSupport.parseOrEmpty(body);
    JsonNode data = n.path("data");
    if (!data.isObject() || JsonSupport.text(data, "id") == null) {
      throw new WebhookRejectedException("event body has no data.id: " + body);
    }
    try {
      String created = JsonSupport.text(n, "createdAt");
      return new WebhookEvent(webhookId, JsonSupport.text(n, "id"), JsonSupport.text(n, "type"),
          created == null ? null : Instant.parse(created), VideoJob.fromJson(data));
    } catch (RuntimeException e) {
      throw new WebhookRejectedException("malformed event (" + e.getMessage() + ")");
    }
  }

  /** Whether this delivery was processed before (providers retry and duplicate deliveries). */
  protected boolean isDuplicate(String webhookId) {
    return seenIds.containsKey(webhookId);
  }

  /** An event is stale when the job is already known in a later state, or later in time. */
  protected boolean isStale(WebhookEvent event, VideoJob knownJob, Instant knownAt) {
    if (event.job().rank() != knownJob.rank()) return event.job().rank() < knownJob.rank();
    return knownAt != null && event.createdAt() != null && event.createdAt().isBefore(knownAt);
  }

  /** Tells the inbox what a poll or cancel saw, so older webhook events count as stale. */
  public synchronized void observe(VideoJob job) {
    Known k = known.get(job.id());
    if (k == null || job.rank() > k.job().rank()) known.put(job.id(), new Known(job, null));
  }

  /** The job's final state, once known (from a webhook or an observed poll). */
  public synchronized Optional<VideoJob> outcome(String jobId) {
    Known k = known.get(jobId);
    return k != null && k.job().isTerminal() ? Optional.of(k.job()) : Optional.empty();
  }

  /** Called once per accepted event (not for duplicates, stale or rejected deliveries). */
  public void addListener(Consumer<WebhookEvent> listener) {
    listeners.add(listener);
  }

  /** Accepted events, oldest first (bounded). */
  public synchronized List<WebhookEvent> processed() {
    return List.copyOf(processed);
  }
}
