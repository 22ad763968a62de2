package dev.vidsim.client;

import dev.vidsim.engine.Simulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The client's clock driven by an in-process simulator: sleeping advances virtual time. */
final class SimClock implements ClientClock {
  private final Simulator sim;
  final List<Duration> sleeps = new ArrayList<>();

  SimClock(Simulator sim) {
    this.sim = sim;
  }

  @Override
  public Instant now() {
    return sim.call(e -> e.clock().instant());
  }

  @Override
  public void sleep(Duration d) {
    sleeps.add(d);
    sim.advance(d);
  }
}
