package dev.vidsim.client;

import java.io.IOException;
import java.net.http.HttpTimeoutException;

/**
 * Why one attempt failed: an HTTP status with the provider's error code, or an I/O error (status
 * 0: connection refused or reset, or a timeout) where the request may or may not have arrived.
 */
public record Failure(int status, String code, IOException error) {
  public static Failure of(ApiResponse r) {
    return new Failure(r.status(), r.errorCode(), null);
  }

  public static Failure of(IOException e) {
    return new Failure(0, e instanceof HttpTimeoutException ? "timeout" : "connection", e);
  }

  public boolean isNetwork() {
    return error != null;
  }

  /**
   * The provider may have acted even though we got no success: a timeout, a dropped connection or
   * a 5xx. Before retrying a create after such a failure, look the job up by its key.
   */
  public boolean isAmbiguous() {
    return isNetwork() || status >= 500;
  }

  public String describe() {
    return isNetwork() ? code + " (" + error.getClass().getSimpleName() + ": "
        + error.getMessage() + ")" : "HTTP " + status + (code == null ? "" : " " + code);
  }
}
