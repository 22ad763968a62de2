package dev.vidsim.engine;

import dev.vidsim.clock.InstantText;
import dev.vidsim.clock.SimClock;
import dev.vidsim.engine.WebhookShape.Moment;
import dev.vidsim.faults.Endpoint;
import dev.vidsim.faults.RequestFacts;
import dev.vidsim.jobs.Job;
import dev.vidsim.jobs.JobLifecycle;
import dev.vidsim.jobs.JobStatus;
import dev.vidsim.jobs.JobView;
import dev.vidsim.journal.Journal;
import dev.vidsim.tenants.Tenant;
import dev.vidsim.tenants.Tenants;
import dev.vidsim.webhooks.Signing;
import dev.vidsim.webhooks.Webhooks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Tells a job's webhook URL about the moments of its life its dialect reports (its start, half
 * its render, its end), each event the job as it is then, in that dialect's form and signature.
 */
final class JobEvents implements JobLifecycle {
  private final Webhooks webhooks;
  private final Tenants tenants;
  private final WebhookShapes shapes;
  private final SimClock clock;
  private final Journal journal;
  private Function<String, JobView> views;

  JobEvents(Webhooks webhooks, Tenants tenants, WebhookShapes shapes, SimClock clock,
            Journal journal) {
    this.webhooks = webhooks;
    this.tenants = tenants;
    this.shapes = shapes;
    this.clock = clock;
    this.journal = journal;
  }

  void viewWith(Function<String, JobView> views) {
    this.views = views;
  }

  /** Reports the start and, if the dialect wants it, schedules the halfway moment. */
  @Override
  public void started(Job job) {
    if (target(job) == null) return;
    report(job, Moment.STARTED);
    WebhookShape shape = shapes.forDialect(job.dialect());
    if (job.renderEndsAt() == null
        || shape.eventTypes(Moment.HALFWAY, views.apply(job.id())).isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    Instant halfway = now.plus(Duration.between(now, job.renderEndsAt()).dividedBy(2));
    journal.append("webhook_moment_planned", Journal.fields().put("job", job.id())
        .put("moment", "halfway").put("at", InstantText.of(halfway)));
    clock.schedule(halfway, () -> {
      if (job.status() == JobStatus.IN_PROGRESS) report(job, Moment.HALFWAY);
    });
  }

  @Override
  public void ended(Job job) {
    report(job, Moment.ENDED);
  }

  private String target(Job job) {
    return webhooks.targetFor(job.tenant(), job.webhookUrl());
  }

  private void report(Job job, Moment moment) {
    String url = target(job);
    if (url == null) return;
    JobView view = views.apply(job.id());
    WebhookShape shape = shapes.forDialect(job.dialect());
    List<String> types = shape.eventTypes(moment, view);
    Tenant t = tenants.orNull(job.tenant());
    for (String type : types) {
      var facts = new RequestFacts(Endpoint.WEBHOOK, job.tenant(), job.model(), job.region(),
          t == null ? null : t.tier(), type);
      webhooks.publish(facts, job.id(), url, (id, at) -> shape.body(id, at, type, view),
          signing(shape));
    }
  }

  /** Signs each attempt in the dialect's own scheme, or as Standard Webhooks. */
  private Signing signing(WebhookShape shape) {
    return (e, timestamp, secret) -> {
      Map<String, String> own = shape.signature(new WebhookShape.Delivery(e.id(), e.jobId(),
          e.tenant(), e.type(), timestamp, e.body(), secret,
          // the key is made on first use: most dialects sign with the tenant's secret
          bytes -> webhooks.ed25519().sign(bytes)));
      return own != null ? own : Signing.STANDARD.headers(e, timestamp, secret);
    };
  }
}
