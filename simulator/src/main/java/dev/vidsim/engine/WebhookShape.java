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
