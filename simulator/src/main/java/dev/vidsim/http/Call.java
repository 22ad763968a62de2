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

  /**
   * A short digest of what was asked (a create's fields, whatever the wire encoding), so the
   * journal can tell a resent request from a new one even when the bodies differ byte for byte
   * (a multipart boundary) or look alike (two multipart bodies are not JSON); null without one.
   */
  public String digest() {
    if (request == null) return null;
    String text = request instanceof dev.vidsim.jobs.CreateRequest c ? c.fingerprint()
        : request.toString();
    byte[] d = SHA_256.get().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return java.util.HexFormat.of().formatHex(d, 0, 8);
  }

  /** One per request thread: looking the algorithm up cost more than hashing a create. */
  private static final ThreadLocal<java.security.MessageDigest> SHA_256 =
      ThreadLocal.withInitial(() -> {
        try {
          return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
          throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
      });
}
