package dev.vidsim.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A virtual clock for tests against the stub server: sleeping only moves the time. */
final class ManualClock implements ClientClock {
  private Instant now;
  final List<Duration> sleeps = new ArrayList<>();

  ManualClock(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public synchronized void sleep(Duration d) {
    sleeps.add(d);
    now = now.plus(d);
  }
}
