package dev.vidsim.engine;

import dev.vidsim.jobs.JobView;
import java.time.Instant;

/** How one dialect tells a webhook receiver that a job ended: the event name and its body. */
public interface WebhookShape {
  /** The event type for a job that reached this state, or null when this provider sends none. */
  String eventType(JobView job);

  /** The JSON body of the event. */
  String body(String eventId, Instant createdAt, String type, JobView job);
}
