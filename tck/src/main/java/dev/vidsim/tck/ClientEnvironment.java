package dev.vidsim.tck;

import java.util.Map;

/**
 * What the harness gives a client when it starts it.
 *
 * @param baseUrl    the simulator's base URL (vidsim's /v1 API)
 * @param apiKey     the tenant this run uses
 * @param tier       the tenant's tier
 * @param time       the virtual clock: the client must sleep and read time through it
 * @param durable    storage that survives a client restart (put your job store here); memory
 *                   kept anywhere else is lost on restart
 * @param webhookUrl where the simulator delivers this client's webhooks; the harness passes
 *                   each delivery to {@link ClientUnderTest#onWebhook}
 * @param webhookSecret the tenant's webhook signing secret ({@code whsec_...}), as a real
 *                   deployment would configure it; null when the simulator sends no webhooks
 * @param seed       seed for the client's own randomness (jitter, keys)
 */
public record ClientEnvironment(String baseUrl, String apiKey, String tier, SimTime time,
                                Map<String, Object> durable, String webhookUrl,
                                String webhookSecret, long seed) {}
