package dev.vidsim.client;

import java.time.Duration;
import java.time.Instant;

/**
 * The client's only source of time. Production uses {@link #system()}; tests and the harness
 * inject a clock whose {@code sleep} advances the simulator's virtual clock, so a ten-minute
 * backoff takes no real time and every run is deterministic.
 */
public interface ClientClock {
  Instant now();

  /** Waits {@code d}; a virtual clock moves time forward instead of blocking. */
  void sleep(Duration d);

  /** Wall-clock time; {@code sleep} blocks the calling thread. */
  static ClientClock system() {
    return SystemClock.INSTANCE;
  }
}
