package dev.vidsim.http;

/**
 * A request a dialect has parsed once: who is calling, which model or job it is about (for
 * fault rules and limits), and the parsed request itself.
 */
public record Call<R>(String apiKey, String model, String jobId, R request) {
  public static Call<Void> of(String apiKey) {
    return new Call<>(apiKey, null, null, null);
  }

  public static Call<Void> aboutJob(String apiKey, String jobId) {
    return new Call<>(apiKey, null, jobId, null);
  }
}
