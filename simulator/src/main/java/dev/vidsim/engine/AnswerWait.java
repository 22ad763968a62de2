package dev.vidsim.engine;

import dev.vidsim.journal.Journal;

/**
 * A thread answering one request. Javalin writes the answer only after the request's last
 * handler, which calls {@link Simulator#answerReady}, so the calls before it need not each wait
 * for the durable log: one group-commit wait per request instead of one per engine call. The
 * request's own journal line is written by its first engine call, in the same lock hold.
 */
public final class AnswerWait {
  private static final ThreadLocal<Boolean> ANSWERING = new ThreadLocal<>();
  private static final ThreadLocal<Command<Long>> REQUEST_LINE = new ThreadLocal<>();

  private AnswerWait() {}

  /**
   * From now until {@link Simulator#answerReady}, this thread answers a request: its calls leave
   * the wait for the log to the answer, and the first writes {@code requestLine} (if not null)
   * before anything else, so every later line of the request carries its seq as "req".
   */
  public static void begin(Command<Long> requestLine) {
    ANSWERING.set(Boolean.TRUE);
    if (requestLine != null) REQUEST_LINE.set(requestLine);
    else REQUEST_LINE.remove();
  }

  static boolean deferred() {
    return ANSWERING.get() != null;
  }

  /** Under the lock: the request's line, if not yet written. */
  static void writeRequestLine(Engine e) {
    Command<Long> line = REQUEST_LINE.get();
    if (line == null) return;
    REQUEST_LINE.remove();
    Journal.answering(e.run(line));
  }

  static boolean requestLineLeft() {
    return REQUEST_LINE.get() != null;
  }

  static void end() {
    ANSWERING.remove();
    REQUEST_LINE.remove();
  }
}
