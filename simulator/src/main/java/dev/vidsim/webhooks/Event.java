package dev.vidsim.webhooks;

import java.time.Instant;

/**
 * One webhook event about a job, as every attempt sends it.
 *
 * @param body    the exact JSON sent (the same bytes on every attempt and duplicate)
 * @param signing how each attempt is identified and signed (the job's dialect's scheme)
 */
public record Event(String id, String tenant, String jobId, String type, String url,
                    String body, Instant createdAt, Signing signing) {}
