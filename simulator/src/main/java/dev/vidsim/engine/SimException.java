package dev.vidsim.engine;

import java.util.Map;

/** An error to return to the caller, with a message that says what to fix. */
public final class SimException extends RuntimeException {
  private final ErrorCode code;
  private final Map<String, Object> details;

  public SimException(ErrorCode code, String message) {
    this(code, message, Map.of());
  }

  public SimException(ErrorCode code, String message, Map<String, Object> details) {
    super(message, null, false, false);
    this.code = code;
    this.details = Map.copyOf(details);
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
