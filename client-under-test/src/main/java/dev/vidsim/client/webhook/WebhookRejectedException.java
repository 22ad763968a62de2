package dev.vidsim.client.webhook;

/** A webhook delivery that failed verification (forged, tampered or outside the tolerance). */
public class WebhookRejectedException extends RuntimeException {
  public WebhookRejectedException(String message) {
    super(message);
  }
}
