package dev.vidsim.tck.internal;

import dev.vidsim.checker.Report;
import dev.vidsim.checker.Violation;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks each action's evidence on a worker thread while the client runs the next action. The
 * evidence is taken on the client's thread right after the action (a snapshot under the
 * simulator's lock); only the parsing and the checking move. A broken rule is reported after the
 * next action, naming the step it broke at; at the end of a chain the last verdict is waited
 * for, so a chain fails exactly when one of its actions left evidence that breaks a rule, and
 * jqwik shrinks it as before. One worker for the JVM: tries run one at a time.
 */
final class CheckPipeline {
  private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "vidsim-tck-checks");
    t.setDaemon(true);
    return t;
  });
  private Future<Verdict> pending;

  /** A rule broken by an action, found by the checking worker. */
  static final class Broken extends AssertionError {
    Broken(String message) {
      super(message);
    }
  }

  private Verdict collected;

  /** One action's report, and the step after which its evidence was taken. */
  record Verdict(Report report, String afterStep) {
    /** Throws an AssertionError with the violations of one rule, if it has any. */
    void holds(String rule) {
      List<Violation> broken = report.violationsOf(rule);
      if (!broken.isEmpty()) {
        throw new Broken(broken.size() + " violation(s) of " + rule + " after \""
            + afterStep + "\":\n" + String.join("\n",
            broken.stream().map(v -> "  " + v).toList()));
      }
    }

    /** Throws for the first rule (in the checker's order) with violations, if any. */
    void holdsEveryRule() {
      report.violations().stream().findFirst().ifPresent(v -> holds(v.check()));
    }
  }

  /** Whether a failure is (or wraps, as jqwik's invariant errors do) a broken rule. */
  static boolean isBroken(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) if (c instanceof Broken) return true;
    return false;
  }

  /**
   * Starts checking the evidence of the action just run and returns the previous action's
   * verdict (waiting for it), or null when there is none.
   */
  Verdict next(Callable<Report> check, String afterStep) {
    Verdict previous = collect();
    pending = WORKER.submit(() -> new Verdict(check.call(), afterStep));
    return previous;
  }

  /** The verdict not yet handed out (waiting for it), or null; hands it out. */
  Verdict collect() {
    drain();
    Verdict v = collected;
    collected = null;
    return v;
  }

  /** Waits until the worker is done with this pipeline's evidence (its verdict is kept). */
  void drain() {
    if (pending == null) return;
    try {
      collected = pending.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the invariants were checked", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    } finally {
      pending = null;
    }
  }
}
