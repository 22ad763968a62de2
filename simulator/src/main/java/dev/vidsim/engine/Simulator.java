package dev.vidsim.engine;

import dev.vidsim.clock.ClockMode;
import dev.vidsim.clock.WallClock;
import dev.vidsim.scenario.Scenario;
import dev.vidsim.webhooks.Webhooks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
  private final Recorder recorder;

  public Simulator(Scenario scenario) {
    this(scenario, WallClock.SYSTEM);
  }

  public Simulator(Scenario scenario, WallClock wall) {
    this(scenario, wall, Recorder.NONE);
    updateTicker();
  }

  /**
   * A simulator whose commands go to {@code recorder}. Its clock does not tick until
   * {@link #goLive()}: a replay runs first, alone.
   */
  public Simulator(Scenario scenario, WallClock wall, Recorder recorder) {
    this.wall = wall;
    this.recorder = recorder;
    this.engine = newEngine(scenario);
  }

  private Simulator(CompletableFuture<Scenario> pending) {
    this.wall = WallClock.SYSTEM;
    this.recorder = Recorder.NONE;
    this.pending = pending;
  }

  /** How full the durable log is (null in memory). */
  public Recorder.LogBounds logBounds() {
    return recorder.bounds();
  }

  /** After a replay: the clock ticks again (unless virtual). */
  public synchronized void goLive() {
    updateTicker();
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
    Engine e = new Engine(scenario, wall, webhookShapes);
    e.recordWith(recorder);
    return e;
  }

  /**
   * Runs {@code action} under the lock; its answer is returned only once every command recorded
   * so far is written (per the fsync policy), so no client hears of state a crash could lose.
   * While a thread answers a request ({@link AnswerWait}), its answer waits once, for all.
   */
  public <T> T call(Function<Engine, T> action) {
    try {
      synchronized (this) {
        try {
          Engine e = engine();
          AnswerWait.writeRequestLine(e);
          return action.apply(e);
        } finally {
          recorder.sectionEnd();
        }
      }
    } finally {
      if (!AnswerWait.deferred()) recorder.awaitDurable();
    }
  }

  /** Before a request's answer goes out: everything recorded so far is written. */
  public void answerReady() {
    if (AnswerWait.requestLineLeft()) run(e -> { }); // no engine call wrote it yet
    AnswerWait.end();
    recorder.awaitDurable();
  }

  public void run(Consumer<Engine> action) {
    call(e -> {
      action.accept(e);
      return null;
    });
  }

  /** Runs one command, on its own (see {@link #call}). */
  public <T> T execute(Command<T> command) {
    return call(e -> e.run(command));
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
      AnswerWait.writeRequestLine(e); // before the lines the advance writes
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
      AnswerWait.writeRequestLine(e);
    }
    return drive(e, target);
  }

  private int drive(Engine e, Instant target) {
    for (int round = 0; round < ADVANCE_ROUNDS_MAX; round++) {
      boolean reached;
      List<CompletableFuture<?>> waiting;
      synchronized (this) {
        if (engine != e) return round;
        try {
          reached = e.run(new Commands.AdvanceRound(target));
        } finally {
          recorder.sectionEnd();
        }
        waiting = e.webhooks().inFlightResults();
      }
      if (reached && waiting.isEmpty()) {
        recorder.awaitDurable();
        return round;
      }
      Webhooks.awaitAnswers(waiting, e.webhooks().timeoutMillis() + WEBHOOK_WAIT_MARGIN_MILLIS);
      settle(e);
    }
    throw new IllegalStateException("advance did not settle in " + ADVANCE_ROUNDS_MAX + " rounds");
  }

  /** Records the webhook answers in so far (none: nothing is recorded). */
  private void settle(Engine e) {
    call(x -> {
      if (engine != e) return 0;
      var answers = e.webhooks().answered();
      return answers.isEmpty() ? 0 : e.run(new Commands.Settle(answers));
    });
  }

  /** Back to the scenario's initial state: clock, tenants, ledger, jobs and journal. */
  public void reset() {
    swap(null, null, null);
  }

  /** A scenario load; a durable simulator refuses it (it needs the text: the next method). */
  public void load(Scenario scenario) {
    swap(scenario, "scenario", null);
  }

  /** A scenario load whose text a durable log keeps, to rebuild it after a restart. */
  public void load(Scenario scenario, String file, String text) {
    swap(scenario, file, text);
  }

  private void swap(Scenario scenario, String file, String text) {
    call(x -> {
      Scenario next = scenario != null ? scenario : engine().scenario();
      recorder.restart(file, text);
      if (pending == null) engine.retire();
      pending = null;
      engine = newEngine(next);
      updateTicker();
      return null;
    });
  }

  public synchronized Scenario scenario() {
    return engine().scenario();
  }

  public void setClockMode(ClockMode mode, long factor) {
    call(e -> {
      e.run(new Commands.SetClock(mode, factor));
      updateTicker();
      return null;
    });
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
        int ran = call(e -> ticker != self || !e.clock().hasDue() ? 0
            : e.run(new Commands.Tick(TICK_TASKS_MAX)));
        if (ran < TICK_TASKS_MAX) break;
      }
      Engine current;
      synchronized (this) {
        if (ticker != self) return;
        current = engine;
      }
      settle(current);
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
