package dev.vidsim.client.webhook;

import dev.vidsim.client.VideoJob;
import java.time.Instant;

/**
 * A verified event: {@code {"id":"evt_..","object":"event","type":"video.completed",
 * "createdAt":"..","data":<job>}}.
 *
 * @param webhookId the delivery's {@code webhook-id} header, the same on every retry
 */
public record WebhookEvent(String webhookId, String eventId, String type, Instant createdAt,
                           VideoJob job) {}
