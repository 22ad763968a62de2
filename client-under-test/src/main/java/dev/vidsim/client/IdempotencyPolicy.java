package dev.vidsim.client;

/**
 * How creates use the generation's idempotency key. The standard policy sends the saved key on
 * every attempt and looks the key up before retrying after an ambiguous failure; anything else
 * risks paying twice, which is exactly what a mutation test wants to show.
 */
public interface IdempotencyPolicy {
  /** The {@code Idempotency-Key} for create attempt {@code attempt} (1-based); null sends none. */
  String header(String savedKey, int attempt);

  /** Look the key up before retrying after a timeout, dropped connection or 5xx. */
  boolean lookUpBeforeRetry();

  static IdempotencyPolicy standard() {
    return new IdempotencyPolicy() {
      @Override
      public String header(String savedKey, int attempt) {
        return savedKey;
      }

      @Override
      public boolean lookUpBeforeRetry() {
        return true;
      }
    };
  }
}
