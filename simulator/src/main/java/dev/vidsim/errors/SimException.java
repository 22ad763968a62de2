package dev.vidsim.errors;

import java.util.LinkedHashMap;
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

  /**
   * This error as a dialect names the field on the wire: the engine checks some fields for every
   * dialect (the webhook URL) and knows them only by vidsim's own name.
   */
  public SimException withField(String engineName, String wireName) {
    if (!engineName.equals(details.get("field")) || engineName.equals(wireName)) return this;
    Map<String, Object> renamed = new LinkedHashMap<>(details);
    renamed.put("field", wireName);
    String message = getMessage().startsWith(engineName + ": ")
        ? wireName + getMessage().substring(engineName.length()) : getMessage();
    return new SimException(code, message, renamed, httpStatus);
  }
}
