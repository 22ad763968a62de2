package dev.vidsim.tck;

import java.time.Duration;
import java.time.Instant;

/**
 * The simulator's virtual clock as a client sees it: wire your client's clock to this, so that
 * its waits (backoff, Retry-After, polling) move simulated time instead of blocking.
 */
public interface SimTime {
  Instant now();

  /** Moves simulated time forward by {@code d}; jobs progress and webhooks go out meanwhile. */
  void sleep(Duration d);
}
