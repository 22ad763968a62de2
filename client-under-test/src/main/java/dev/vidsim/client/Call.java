package dev.vidsim.client;

import java.util.function.Function;

/**
 * One logical API call, retried as a unit: every attempt sends the same method, path, body and
 * {@code Idempotency-Key}.
 *
 * @param cost what a successful answer cost, for the request log
 */
record Call(String operation, String method, String path, String body, String idempotencyKey,
            String jobId, Function<ApiResponse, Amount> cost) {
  static Call get(String operation, String path, String jobId) {
    return new Call(operation, "GET", path, null, null, jobId, r -> Amount.ZERO);
  }

  Call withCost(Function<ApiResponse, Amount> newCost) {
    return new Call(operation, method, path, body, idempotencyKey, jobId, newCost);
  }
}
