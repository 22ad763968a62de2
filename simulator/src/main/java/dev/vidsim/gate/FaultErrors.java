package dev.vidsim.gate;

import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import dev.vidsim.faults.FaultRule;
import java.util.Map;

/** The error an injected status turns into: the code and message a real provider would send. */
final class FaultErrors {
  private FaultErrors() {}

  static SimException of(FaultRule rule, int status, String region) {
    String custom = rule.effect().message();
    ErrorCode code = switch (status) {
      case 401 -> ErrorCode.UNAUTHORIZED;
      case 402 -> ErrorCode.INSUFFICIENT_BALANCE;
      case 403 -> ErrorCode.MODEL_NOT_AVAILABLE_FOR_TIER;
      case 404 -> ErrorCode.MODEL_NOT_FOUND;
      case 409 -> ErrorCode.IDEMPOTENCY_IN_FLIGHT;
      case 429 -> ErrorCode.RATE_LIMITED;
      case 502 -> ErrorCode.BAD_GATEWAY;
      case 503 -> ErrorCode.REGION_UNAVAILABLE;
      case 504 -> ErrorCode.GATEWAY_TIMEOUT;
      default -> status < 500 ? ErrorCode.INVALID_REQUEST : ErrorCode.INTERNAL;
    };
    String message = custom != null ? custom : switch (code) {
      case UNAUTHORIZED -> "this API key has been revoked; create a new key";
      case INSUFFICIENT_BALANCE -> "insufficient balance; top up to continue";
      case MODEL_NOT_FOUND -> "the model was not found; list the available models";
      case RATE_LIMITED -> "rate limit exceeded; wait for Retry-After before retrying";
      case BAD_GATEWAY -> "bad gateway: an upstream renderer failed; retry later";
      case REGION_UNAVAILABLE -> "region " + (region != null ? region + " " : "")
          + "is temporarily unavailable; retry later or use another region";
      case GATEWAY_TIMEOUT -> "gateway timeout: the upstream did not answer in time";
      case INTERNAL -> "internal server error; retry later";
      default -> "request rejected (HTTP " + status + ")";
    };
    return new SimException(code, message, Map.of("fault", rule.id()), status);
  }
}
