package dev.vidsim.engine;

import dev.vidsim.jobs.JobView;
import java.time.Instant;
import java.util.function.Function;

/** How one dialect tells a webhook receiver that a job ended: the event name and its body. */
public interface WebhookShape {
  /** The event type for a job that reached this state, or null when this provider sends none. */
  String eventType(JobView job);

  /** The JSON body of the event. */
  String body(String eventId, Instant createdAt, String type, JobView job);

  /**
   * The headers that identify and sign one delivery attempt in this provider's scheme, or null
   * for Standard Webhooks ({@code webhook-id}, {@code webhook-timestamp},
   * {@code webhook-signature}).
   *
   * @param timestamp the attempt's time in epoch seconds (simulated clock)
   * @param secret    the tenant's signing secret ({@code whsec_...})
   */
  default java.util.Map<String, String> signatureHeaders(String jobId, String type, String body,
                                                         long timestamp, String secret) {
    return null;
  }

  /** Renders an event's body from its id, time, type and job. */
  @FunctionalInterface
  interface Body {
    String render(String eventId, Instant createdAt, String type, JobView job);
  }

  /** A shape from two functions, so a dialect can declare it in one expression. */
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
