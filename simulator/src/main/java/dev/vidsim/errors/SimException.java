package dev.vidsim.errors;

import java.util.Map;

/** An error to return to the caller, with a message that says what to fix. */
public final class SimException extends RuntimeException {
  private final ErrorCode code;
  private final Map<String, Object> details;
  private final int httpStatus;

  public SimException(ErrorCode code, String message) {
    this(code, message, Map.of());
  }

  public SimException(ErrorCode code, String message, Map<String, Object> details) {
    this(code, message, details, code.httpStatus());
  }

  /** An error answered with a status other than its code's usual one (injected faults). */
  public SimException(ErrorCode code, String message, Map<String, Object> details,
                      int httpStatus) {
    super(message, null, false, false);
    this.code = code;
    this.details = Map.copyOf(details);
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public ErrorCode code() {
    return code;
  }

  public Map<String, Object> details() {
    return details;
  }

  public static SimException invalid(String field, String problem) {
    return new SimException(ErrorCode.INVALID_REQUEST, field + ": " + problem,
        Map.of("field", field));
  }
}
