package dev.vidsim.jobs;

import dev.vidsim.money.Money;
import dev.vidsim.pricing.FailureKind;
import dev.vidsim.pricing.Quote;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A job as callers see it at one instant: an immutable snapshot, safe to replay. Status and
 * failure are the engine's own types; each dialect names them its own way.
 *
 * @param dialect    the wire format the job was created through (its webhooks go out that way)
 * @param attributes dialect-specific create options the dialect wants back (e.g. a storage URI)
 * @param webhookAbandonedAfter attempts after which the sender gave up on its webhook, or 0
 * @param startedAt  when rendering started (it left the queue), or null while queued
 * @param route      how an aggregator ran it (upstream, attempts, markup), or null
 * @param queuePosition while queued: how many of the tenant's jobs, created earlier, are still
 *                   queued ahead of it (0: next); null once it left the queue
 */
public record JobView(String id, String model, String mode, JobStatus status, int progress,
                      String prompt, BigDecimal seconds, String resolution, String region,
                      Instant createdAt, Instant completedAt, Instant expiresAt, Quote quote,
                      String billOn, Money charged, String currency, String idempotencyKey,
                      FailureKind failure, String errorMessage, String dialect,
                      Map<String, String> attributes, int webhookAbandonedAfter,
                      Instant startedAt, dev.vidsim.aggregator.Route route,
                      Integer queuePosition) {
  public JobView {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** The failure kind as vidsim's own API names it, or null. */
  public String errorCode() {
    return failure == null ? null : failure.wireName();
  }
}
