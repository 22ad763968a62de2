package dev.vidsim.client;

import java.time.Duration;
import java.time.Instant;

/** Real time, for production use. Tests inject a virtual clock instead. */
final class SystemClock implements ClientClock {
  static final SystemClock INSTANCE = new SystemClock();

  private SystemClock() {}

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public void sleep(Duration d) {
    if (d.isZero() || d.isNegative()) return;
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting " + d, e);
    }
  }
}
