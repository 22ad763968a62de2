package dev.vidsim.webhooks;

import java.time.Instant;

/**
 * One webhook event about a job that ended, with its delivery state.
 *
 * @param body the exact JSON sent (the same bytes on every attempt and duplicate)
 */
public record Event(String id, String tenant, String jobId, String type, String url,
                    String body, Instant createdAt) {}
