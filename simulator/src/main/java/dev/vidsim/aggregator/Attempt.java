package dev.vidsim.aggregator;

/**
 * One try of an aggregator create on one upstream.
 *
 * @param outcome {@code ran}, {@code failed} (an outage: injected error, drop or timeout),
 *                {@code unavailable} (removed, or not for this tenant's region or tier) or
 *                {@code rejected} (the upstream model does not take these parameters)
 * @param status  the HTTP status the upstream failed with, or 0
 * @param detail  why, in words
 */
public record Attempt(String provider, String model, String outcome, int status,
                      String detail) {
  public static final String RAN = "ran";
  public static final String FAILED = "failed";
  public static final String UNAVAILABLE = "unavailable";
  public static final String REJECTED = "rejected";

  /** {@code google-vertex:failed 503}, {@code fal:ran}: the attempts in one line. */
  public String summary() {
    return provider + ":" + outcome + (status == 0 ? "" : " " + status);
  }
}
