package dev.vidsim.client;

import dev.vidsim.client.catalog.ModelChooser;
import dev.vidsim.client.cost.Budget;
import dev.vidsim.client.cost.Reconciler;
import dev.vidsim.client.store.JobStore;
import dev.vidsim.client.webhook.WebhookInbox;
import java.time.Duration;

/**
 * Everything configurable about a {@link VideoClient}, each a small replaceable piece. Built by
 * {@link VideoClientBuilder}; a variant client is one changed component.
 *
 * @param tier                 the account's tier when known (for tier prices), else null
 * @param webhookInbox         null: no receiver, poll only
 * @param webhookCheckInterval with a receiver, how often a waiting poller looks at the inbox
 * @param jobDeadline          client-side deadline per job, from its submission
 * @param cancelOnDeadline     cancel a job at its deadline (else only flag it as stuck)
 * @param idempotency          how creates use the saved key (the standard policy, except in
 *                             mutation tests)
 */
public record ClientOptions(String baseUrl, String apiKey, ClientClock clock, long seed,
                           RetryPolicy retryPolicy, PollPolicy pollPolicy,
                           ModelChooser modelChooser, JobStore jobStore,
                           WebhookInbox webhookInbox, Duration webhookCheckInterval,
                           Duration jobDeadline, boolean cancelOnDeadline, Budget budget,
                           String tier, Duration connectTimeout, Duration requestTimeout,
                           RequestLog requestLog, IdempotencyPolicy idempotency,
                           Reconciler reconciler) {}
