package dev.vidsim.engine;

import dev.vidsim.faults.Endpoint;
import dev.vidsim.faults.RequestFacts;
import dev.vidsim.jobs.Job;
import dev.vidsim.jobs.JobView;
import dev.vidsim.tenants.Tenant;
import dev.vidsim.tenants.Tenants;
import dev.vidsim.webhooks.Signing;
import dev.vidsim.webhooks.Webhooks;
import java.util.function.Function;

/** Sends a job's final state to its webhook URL, in the form of the dialect that created it. */
final class JobEvents {
  private final Webhooks webhooks;
  private final Tenants tenants;
  private final WebhookShapes shapes;
  private Function<String, JobView> views;

  JobEvents(Webhooks webhooks, Tenants tenants, WebhookShapes shapes) {
    this.webhooks = webhooks;
    this.tenants = tenants;
    this.shapes = shapes;
  }

  void viewWith(Function<String, JobView> views) {
    this.views = views;
  }

  void jobEnded(Job job) {
    String url = webhooks.targetFor(job.tenant(), job.webhookUrl());
    if (url == null) return;
    JobView view = views.apply(job.id());
    WebhookShape shape = shapes.forDialect(job.dialect());
    String type = shape.eventType(view);
    if (type == null) return;
    Tenant t = tenants.orNull(job.tenant());
    var facts = new RequestFacts(Endpoint.WEBHOOK, job.tenant(), job.model(), job.region(),
        t == null ? null : t.tier(), type);
    webhooks.publish(facts, job.id(), url, (id, at) -> shape.body(id, at, type, view),
        (event, timestamp, secret) -> {
          var own = shape.signatureHeaders(event.jobId(), event.type(), event.body(), timestamp,
              secret);
          return own != null ? own : Signing.STANDARD.headers(event, timestamp, secret);
        });
  }
}
