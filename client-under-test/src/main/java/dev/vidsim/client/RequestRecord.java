package dev.vidsim.client;

import java.time.Duration;
import java.time.Instant;

/**
 * One HTTP attempt, as the evidence a user compares with the provider's dashboard.
 *
 * @param operation  create, lookup, get, cancel, models, usage, ...
 * @param attempt    1 for the first try of a call, 2 for its first retry, ...
 * @param status     HTTP status, or 0 when no answer came (timeout, connection error)
 * @param errorCode  the provider's error code, "timeout" or "connection"; null on success
 * @param waited     how long the client waited before this attempt (backoff, Retry-After)
 * @param cost       what this request cost as far as the client can tell (create charge, poll fee)
 */
public record RequestRecord(Instant at, String operation, String method, String path,
                            String jobId, String idempotencyKey, int attempt, int status,
                            String errorCode, Duration waited, Amount cost) {
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  @Override
  public String toString() {
    return at + " " + operation + " " + method + " " + path + " attempt=" + attempt
        + " status=" + status + (errorCode == null ? "" : " error=" + errorCode)
        + " waited=" + waited.toMillis() + "ms" + (jobId == null ? "" : " job=" + jobId)
        + (idempotencyKey == null ? "" : " key=" + idempotencyKey) + " cost=" + cost;
  }
}
