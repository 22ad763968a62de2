package dev.vidsim.engine;

import dev.vidsim.clock.ClockMode;
import dev.vidsim.clock.WallClock;
import dev.vidsim.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
  /** Due tasks run per lock hold by the ticker (a job start or end is one task). */
  static final int TICK_TASKS_MAX = 64;
  /** Lock holds per tick; what is left runs on the next tick (the clock does not wait). */
  static final int TICK_BATCHES_MAX = 1_000;
  /** Bounds the pause/resume rounds of one advance (each round waits for webhook answers). */
  static final int ADVANCE_ROUNDS_MAX = 100_000;
  /** Real time to wait for webhook answers in one round, beyond their own timeout. */
  static final long WEBHOOK_WAIT_MARGIN_MILLIS = 2_000;
  private final WallClock wall;
  private Engine engine;
  private CompletableFuture<Scenario> pending;
  private Thread ticker;
  /** Where the advances in progress will leave the clock, so concurrent {@code by}s add up. */
  private Instant advanceTarget;
  private Engine advanceTargetOf;
  private final WebhookShapes webhookShapes = new WebhookShapes();

  public Simulator(Scenario scenario) {
    this(scenario, WallClock.SYSTEM);
  }

  public Simulator(Scenario scenario, WallClock wall) {
    this.wall = wall;
    this.engine = new Engine(scenario, wall, webhookShapes);
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
        engine = newEngine(pending.join());
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
      pending = null;
      updateTicker();
    }
    return engine;
  }

  private Engine newEngine(Scenario scenario) {
    return new Engine(scenario, wall, webhookShapes);
  }

  public synchronized <T> T call(Function<Engine, T> action) {
    return action.apply(engine());
  }

  public synchronized void run(Consumer<Engine> action) {
    action.accept(engine());
  }

  /** How each dialect's webhook events look: the HTTP layer registers its dialects here. */
  public WebhookShapes webhookShapes() {
    return webhookShapes;
  }

  /**
   * Advances the virtual clock by {@code by}, on top of any advance still running: two callers
   * that each ask for 10 minutes at once move the clock 20 minutes, as they would one after the
   * other (an advance can take real time while webhooks are answered). Returns the webhook pauses,
   * as {@link #advanceTo}.
   */
  public int advance(Duration by) {
    Instant target;
    Engine e;
    synchronized (this) {
      e = engine();
      Instant now = e.clock().instant();
      Instant base = advanceTargetOf == e && advanceTarget.isAfter(now) ? advanceTarget : now;
      target = base.plus(by);
      advanceTarget = target;
      advanceTargetOf = e;
    }
    return drive(e, target);
  }

  /**
   * Advances the virtual clock to {@code target} (no move when it is already there or past),
   * running everything due up to it on the way. When a webhook goes out, time stops there until its
   * answer is in (the lock is released meanwhile, so the receiver may call the API), and retries
   * are scheduled from that instant: the same seed and the same receivers give the same journal.
   * Returns how many such pauses there were.
   */
  public int advanceTo(Instant target) {
    Engine e;
    synchronized (this) {
      e = engine();
    }
    return drive(e, target);
  }

  private int drive(Engine e, Instant target) {
    for (int round = 0; round < ADVANCE_ROUNDS_MAX; round++) {
      boolean reached;
      List<CompletableFuture<?>> waiting;
      synchronized (this) {
        if (engine != e) return round;
        reached = e.clock().advanceUntil(target, () -> e.webhooks().hasInFlight());
        waiting = e.webhooks().inFlightResults();
      }
      if (reached && waiting.isEmpty()) return round;
      awaitAll(waiting, e.webhooks().timeoutMillis() + WEBHOOK_WAIT_MARGIN_MILLIS);
      synchronized (this) {
        if (engine == e) e.webhooks().settle();
      }
    }
    throw new IllegalStateException("advance did not settle in " + ADVANCE_ROUNDS_MAX + " rounds");
  }

  private static void awaitAll(List<CompletableFuture<?>> futures, long timeoutMillis) {
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
          .get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // each future reports its own failure; one still running is settled on a later round
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Back to the scenario's initial state: clock, tenants, ledger, jobs and journal. */
  public synchronized void reset() {
    engine().retire();
    engine = newEngine(engine().scenario());
    updateTicker();
  }

  public synchronized void load(Scenario scenario) {
    if (pending == null) engine.retire();
    pending = null;
    engine = newEngine(scenario);
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
      // due tasks run in small batches, each its own lock hold: requests interleave with them
      for (int batch = 0; batch < TICK_BATCHES_MAX; batch++) {
        synchronized (this) {
          if (ticker != self) return;
          if (engine.clock().runDue(TICK_TASKS_MAX) < TICK_TASKS_MAX) break;
        }
      }
      synchronized (this) {
        if (ticker != self) return;
        engine.webhooks().settle();
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
