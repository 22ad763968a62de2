package dev.vidsim.pricing;

import java.util.Arrays;

/** Why a job did not deliver; each kind has its own settlement policy. */
public enum FailureKind {
  ERROR("error"),
  TIMEOUT("timeout"),
  CANCEL("cancel"),
  CONTENT_FILTER("contentFilter"),
  /** The provider gave up on an unfinished job and reports it expired (OpenAI-compatible). */
  EXPIRED("expired");

  private final String wireName;

  FailureKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static FailureKind parse(String text) {
    return Arrays.stream(values()).filter(k -> k.wireName.equals(text)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "expected a failure kind (error, timeout, cancel, contentFilter, expired), got \""
                + text
                + "\""));
  }
}
