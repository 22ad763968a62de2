package dev.vidsim.durable;

import java.util.Arrays;

/**
 * When the log's bytes are forced to the disk. Every policy hands a record to the operating
 * system before its answer goes out, so a killed process ({@code kill -9}) loses nothing; they
 * differ on a machine crash or power loss.
 */
public enum FsyncPolicy {
  /** Forced before the answer (one force serves every request waiting at that moment). */
  ALWAYS("always"),
  /** Forced every {@link CommandLog#FORCE_INTERVAL_MILLIS} ms: a machine crash loses that much. */
  INTERVAL("interval"),
  /** Never forced by vidsim: the operating system writes it back when it likes. */
  NEVER("never");

  private final String wireName;

  FsyncPolicy(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static FsyncPolicy parse(String text) {
    return Arrays.stream(values()).filter(p -> p.wireName.equals(text)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "--fsync must be always, interval or never, got \"" + text + "\""));
  }
}
