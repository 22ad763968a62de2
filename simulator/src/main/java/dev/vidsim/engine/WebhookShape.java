package dev.vidsim.engine;

import dev.vidsim.jobs.JobView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * How one dialect tells a webhook receiver about a job: which moments of its life it reports,
 * the event names and bodies, and how deliveries are signed. Most providers report only the
 * end; one that reports more (Replicate's start, logs, output) overrides {@link #eventTypes}.
 */
public interface WebhookShape {
  /** The moments of a job's life the engine offers to report. */
  enum Moment {
    /** It left the queue and started rendering. */
    STARTED,
    /** Its render is half done: where a provider streaming logs or partial output sends one. */
    HALFWAY,
    /** It reached its final state. */
    ENDED
  }

  /** The event type for a job that reached its final state, or null when none is sent. */
  String eventType(JobView job);

  /** The JSON body of the event. */
  String body(String eventId, Instant createdAt, String type, JobView job);

  /** The events to send at this moment of this job, in order; empty: none. */
  default List<String> eventTypes(Moment moment, JobView job) {
    String type = moment == Moment.ENDED ? eventType(job) : null;
    return type == null ? List.of() : List.of(type);
  }

  /**
   * The headers that identify and sign one delivery attempt in this provider's own scheme, or
   * null for Standard Webhooks ({@code webhook-id}, {@code webhook-timestamp},
   * {@code webhook-signature}). The one hook for every scheme: HMAC with the tenant's secret,
   * or Ed25519 with the simulator's key.
   */
  default Map<String, String> signature(Delivery delivery) {
    return null;
  }

  /**
   * One delivery attempt to sign.
   *
   * @param tenant    the API key the job belongs to (never sent; a provider may derive from it)
   * @param timestamp the attempt's Unix time in seconds (simulated)
   * @param secret    the tenant's signing secret ({@code whsec_...}), for HMAC schemes
   * @param ed25519   signs bytes with the simulator's Ed25519 key, whose public half the
   *                  simulator publishes ({@link Engine#webhookPublicKey()})
   */
  record Delivery(String eventId, String jobId, String tenant, String type, long timestamp,
                  String body, String secret, UnaryOperator<byte[]> ed25519) {}

  /** Renders an event's body from its id, time, type and job. */
  @FunctionalInterface
  interface Body {
    String render(String eventId, Instant createdAt, String type, JobView job);
  }

  /** A shape that reports the end only, from two functions, declared in one expression. */
  static WebhookShape of(Function<JobView, String> eventType, Body body) {
    return new WebhookShape() {
      @Override
      public String eventType(JobView job) {
        return eventType.apply(job);
      }

      @Override
      public String body(String eventId, Instant createdAt, String type, JobView job) {
        return body.render(eventId, createdAt, type, job);
      }
    };
  }
}
