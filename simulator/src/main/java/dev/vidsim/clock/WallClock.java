package dev.vidsim.clock;

/** The only door to real time, so tests can replace it and nothing else reads the wall clock. */
@FunctionalInterface
public interface WallClock {
  WallClock SYSTEM = System::nanoTime;

  long nanoTime();
}
