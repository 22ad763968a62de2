package dev.vidsim.errors;

/**
 * Every error the simulator answers with, and its HTTP status (a number: the engine has no HTTP).
 */
public enum ErrorCode {
  INVALID_REQUEST(400),
  UNAUTHORIZED(401),
  INSUFFICIENT_BALANCE(402),
  MODEL_NOT_AVAILABLE_FOR_TIER(403),
  NOT_FOUND(404),
  MODEL_NOT_FOUND(404),
  CONTENT_EXPIRED(404),
  JOB_NOT_READY(409),
  JOB_NOT_CANCELLABLE(409),
  IDEMPOTENCY_IN_FLIGHT(409),
  IDEMPOTENCY_KEY_REUSED(422),
  RATE_LIMITED(429),
  INTERNAL(500),
  BAD_GATEWAY(502),
  REGION_UNAVAILABLE(503),
  SIMULATOR_FULL(503),
  GATEWAY_TIMEOUT(504);

  private final int httpStatus;

  ErrorCode(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
