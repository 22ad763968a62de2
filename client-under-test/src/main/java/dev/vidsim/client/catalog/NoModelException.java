package dev.vidsim.client.catalog;

/** No model in the live catalog can render the requested job; nothing was sent. */
public class NoModelException extends RuntimeException {
  public NoModelException(String message) {
    super(message);
  }
}
