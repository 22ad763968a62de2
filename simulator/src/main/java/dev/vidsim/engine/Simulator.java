package dev.vidsim.engine;

import dev.vidsim.clock.ClockMode;
import dev.vidsim.clock.WallClock;
import dev.vidsim.scenario.Scenario;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The running simulator: one {@link Engine} at a time behind one lock. Every HTTP request, admin
 * call and clock tick goes through {@link #call}, so the engine never sees two threads and its
 * scheduled tasks can call back into it freely. Reset and scenario loads swap in a fresh engine.
 */
public final class Simulator implements AutoCloseable {
  /** How often a real or accelerated clock runs due tasks, in wall milliseconds. */
  static final long TICK_MILLIS = 10;
  private final WallClock wall;
  private Engine engine;
  private CompletableFuture<Scenario> pending;
  private Thread ticker;

  public Simulator(Scenario scenario) {
    this(scenario, WallClock.SYSTEM);
  }

  public Simulator(Scenario scenario, WallClock wall) {
    this.wall = wall;
    this.engine = new Engine(scenario, wall);
    updateTicker();
  }

  private Simulator(CompletableFuture<Scenario> pending) {
    this.wall = WallClock.SYSTEM;
    this.pending = pending;
  }

  /**
   * A simulator whose scenario is still being parsed, so the HTTP server can start at the same
   * time (start-up latency). The first call waits for the scenario; a load error surfaces there.
   */
  public static Simulator loading(CompletableFuture<Scenario> scenario) {
    return new Simulator(scenario);
  }

  private Engine engine() {
    if (pending != null) {
      try {
        engine = new Engine(pending.join(), wall);
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
      pending = null;
      updateTicker();
    }
    return engine;
  }

  public synchronized <T> T call(Function<Engine, T> action) {
    return action.apply(engine());
  }

  public synchronized void run(Consumer<Engine> action) {
    action.accept(engine());
  }

  /** Back to the scenario's initial state: clock, tenants, ledger, jobs and journal. */
  public synchronized void reset() {
    engine = new Engine(engine().scenario(), wall);
    updateTicker();
  }

  public synchronized void load(Scenario scenario) {
    pending = null;
    engine = new Engine(scenario, wall);
    updateTicker();
  }

  public synchronized Scenario scenario() {
    return engine().scenario();
  }

  public synchronized void setClockMode(ClockMode mode, long factor) {
    engine().clock().setMode(mode, factor);
    updateTicker();
  }

  private void updateTicker() {
    boolean needed = engine.clock().mode() != ClockMode.VIRTUAL;
    if (needed && ticker == null) {
      ticker = new Thread(this::tickLoop, "vidsim-clock");
      ticker.setDaemon(true);
      ticker.start();
    } else if (!needed && ticker != null) {
      ticker.interrupt();
      ticker = null;
    }
  }

  private void tickLoop() {
    Thread self = Thread.currentThread();
    while (!self.isInterrupted()) {
      synchronized (this) {
        if (ticker != self) return;
        engine.clock().runDue();
      }
      try {
        Thread.sleep(TICK_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.interrupt();
      ticker = null;
    }
  }
}
