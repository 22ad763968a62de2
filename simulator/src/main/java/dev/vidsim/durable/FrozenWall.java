package dev.vidsim.durable;

import dev.vidsim.clock.WallClock;

/**
 * The wall clock a durable engine reads: while a command runs it shows the one reading written
 * down with that command, so a replay sees exactly the time the first run saw (an accelerated
 * clock's progress). Between commands it is the live wall clock. Set under the simulator's lock.
 */
final class FrozenWall implements WallClock {
  private final WallClock live;
  private volatile boolean frozen;
  private volatile long reading;

  FrozenWall(WallClock live) {
    this.live = live;
  }

  /** Freezes at a fresh live reading and returns it (to be written down). */
  long freezeNow() {
    reading = live.nanoTime();
    frozen = true;
    return reading;
  }

  /** Freezes at a reading from the log (a replay). */
  void freezeAt(long nanos) {
    reading = nanos;
    frozen = true;
  }

  void thaw() {
    frozen = false;
  }

  /** The last reading frozen at. */
  long lastReading() {
    return reading;
  }

  @Override
  public long nanoTime() {
    return frozen ? reading : live.nanoTime();
  }
}
