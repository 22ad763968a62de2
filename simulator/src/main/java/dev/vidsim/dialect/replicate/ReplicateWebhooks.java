package dev.vidsim.dialect.replicate;

import dev.vidsim.engine.WebhookShape;
import dev.vidsim.jobs.JobStatus;
import dev.vidsim.jobs.JobView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Replicate's webhook events, each body the prediction at that moment, signed as Standard
 * Webhooks: {@code start} when it starts, {@code logs} when half rendered (its logs gain a
 * line), {@code output} when the video is out, then {@code completed} in any final state.
 * The prediction's {@code webhook_events_filter} picks among them; without one Replicate sends
 * {@code output} and {@code completed} (its docs: "whenever there are new outputs or the
 * prediction has finished").
 */
final class ReplicateWebhooks implements WebhookShape {
  static final List<String> DEFAULT_EVENTS = List.of("output", "completed");
  private final Supplier<String> server;

  /** @param server the simulator's base URL, for the prediction's links */
  ReplicateWebhooks(Supplier<String> server) {
    this.server = server;
  }

  @Override
  public String eventType(JobView job) {
    return "completed";
  }

  @Override
  public List<String> eventTypes(Moment moment, JobView job) {
    List<String> wanted = filter(job);
    List<String> types = new ArrayList<>();
    switch (moment) {
      case STARTED -> add(types, wanted, "start");
      case HALFWAY -> add(types, wanted, "logs");
      case ENDED -> {
        if (job.status() == JobStatus.SUCCEEDED) add(types, wanted, "output");
        add(types, wanted, "completed");
      }
    }
    return types;
  }

  private static void add(List<String> types, List<String> wanted, String type) {
    if (wanted.contains(type)) types.add(type);
  }

  /** The events this prediction asked for. */
  static List<String> filter(JobView job) {
    String events = job.attributes().get(ReplicateWire.EVENTS);
    return events == null ? DEFAULT_EVENTS : List.of(events.split(","));
  }

  @Override
  public String body(String eventId, Instant createdAt, String type, JobView job) {
    return ReplicateWire.prediction(job, server.get()).toString();
  }
}
