package dev.vidsim.client;

import java.time.Duration;
import java.util.function.Function;

/**
 * One logical API call, retried as a unit: every attempt sends the same method, path, body and
 * {@code Idempotency-Key}.
 *
 * @param cost      what a successful answer cost, for the request log
 * @param waitedFor how long the caller waited before the first attempt (a poll interval)
 */
record Call(String operation, String method, String path, String body, String idempotencyKey,
            String jobId, Function<ApiResponse, Amount> cost, Duration waitedFor) {
  Call(String operation, String method, String path, String body, String idempotencyKey,
       String jobId, Function<ApiResponse, Amount> cost) {
    this(operation, method, path, body, idempotencyKey, jobId, cost, Duration.ZERO);
  }

  static Call get(String operation, String path, String jobId) {
    return new Call(operation, "GET", path, null, null, jobId, r -> Amount.ZERO);
  }

  Call withCost(Function<ApiResponse, Amount> newCost) {
    return new Call(operation, method, path, body, idempotencyKey, jobId, newCost, waitedFor);
  }

  Call withKey(String key) {
    return new Call(operation, method, path, body, key, jobId, cost, waitedFor);
  }

  Call afterWaiting(Duration d) {
    return new Call(operation, method, path, body, idempotencyKey, jobId, cost, d);
  }
}
