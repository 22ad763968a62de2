package dev.vidsim.client.wire;

/**
 * What a provider's API lets a careful client do.
 *
 * @param idempotencyKey a create carries an {@code Idempotency-Key} the provider honours: a
 *                       resent create replays the first job instead of paying again
 * @param findsLostCreate after an ambiguous failure the client can find the job a create made:
 *                        by key (vidsim), or by listing recent jobs and matching what it sent;
 *                        without this a create is never sent twice (its outcome stays unknown)
 * @param cancel         a running job can be cancelled
 * @param liveCatalog    the provider lists the models this account may use
 * @param webhooks       the client's webhook inbox understands this provider's deliveries
 */
public record Capabilities(boolean idempotencyKey, boolean findsLostCreate, boolean cancel,
                           boolean liveCatalog, boolean webhooks) {}
