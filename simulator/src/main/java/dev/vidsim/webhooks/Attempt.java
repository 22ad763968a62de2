package dev.vidsim.webhooks;

import java.time.Instant;

/**
 * One delivery attempt as recorded: status 0 means no HTTP answer (see error).
 *
 * @param status null while the attempt is in flight
 */
public record Attempt(String eventId, String jobId, String type, String url, int attempt,
                      Instant at, Integer status, String error) {}
