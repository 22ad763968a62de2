package dev.vidsim.client;

/**
 * A call that did not succeed and will not be retried any more: either the provider said no
 * (a non-retryable status) or the retry budget ran out. Status 0 means no HTTP answer at all.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final int attempts;

  public ApiException(int status, String code, String message, int attempts) {
    super(message);
    this.status = status;
    this.code = code;
    this.attempts = attempts;
  }

  public int status() {
    return status;
  }

  /** The provider's error code ("insufficient_balance", ...), "timeout", "connection", or null. */
  public String code() {
    return code;
  }

  public int attempts() {
    return attempts;
  }
}
