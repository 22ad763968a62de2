package dev.vidsim.client;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The client's only source of time. Production uses {@link #system()}; tests and the harness
 * inject a clock whose {@code sleep} advances the simulator's virtual clock, so a ten-minute
 * backoff takes no real time and every run is deterministic.
 */
public interface ClientClock {
  Instant now();

  /** Waits {@code d}; a virtual clock moves time forward instead of blocking. */
  void sleep(Duration d);

  /**
   * A clock from two functions, e.g. on an in-process simulator:
   * {@code ClientClock.of(() -> sim.call(e -> e.clock().instant()), sim::advance)}
   * ({@code Simulator.advance} also waits for webhooks that go out on the way).
   */
  static ClientClock of(Supplier<Instant> now, Consumer<Duration> sleep) {
    return new ClientClock() {
      @Override
      public Instant now() {
        return now.get();
      }

      @Override
      public void sleep(Duration d) {
        sleep.accept(d);
      }
    };
  }

  /** Wall-clock time; {@code sleep} blocks the calling thread. */
  static ClientClock system() {
    return SystemClock.INSTANCE;
  }
}
