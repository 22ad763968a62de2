/**
 * The reference client: how a careful integration calls a paid, asynchronous video API.
 *
 * <p>Start at {@link dev.vidsim.client.VideoClient#builder}. Every behaviour is one replaceable
 * piece, so a deliberately broken variant (for mutation-testing a harness) is one line:
 * <ul>
 *   <li>retries create without its key: {@code .idempotency(}an {@link
 *       dev.vidsim.client.IdempotencyPolicy} whose {@code header} returns null and whose
 *       {@code lookUpBeforeRetry} returns false{@code )}</li>
 *   <li>ignores Retry-After: a {@link dev.vidsim.client.BackoffRetryPolicy} subclass whose
 *       {@code delay} passes null for {@code retryAfter}</li>
 *   <li>retries 402/422: a {@code BackoffRetryPolicy} subclass whose {@code isRetryable}
 *       returns true</li>
 *   <li>no backoff cap: {@code new BackoffRetryPolicy(base, Duration.ofDays(1), ...)}</li>
 *   <li>polls below the floor: {@code new GrowingPollPolicy(Duration.ofMillis(100), ...)}</li>
 *   <li>no deadline on stuck jobs: {@code .jobDeadline(Duration.ofDays(365))} and a large
 *       {@code pollsMax}</li>
 *   <li>processes duplicate webhooks twice: a {@link dev.vidsim.client.webhook.WebhookInbox}
 *       subclass whose {@code isDuplicate} returns false</li>
 *   <li>hard-codes a model id: a {@link dev.vidsim.client.catalog.ModelChooser} lambda that
 *       returns {@code ModelChoice.direct(snapshot, quote)} for a remembered model</li>
 *   <li>trusts its own estimate: a {@link dev.vidsim.client.cost.Reconciler} that never calls
 *       {@code usage} and reports the ledger's own total as charged</li>
 * </ul>
 */
package dev.vidsim.client;
