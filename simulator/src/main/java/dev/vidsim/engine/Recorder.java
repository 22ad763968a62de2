package dev.vidsim.engine;

/**
 * Where the simulator writes down each {@link Command} before it runs, in the order the commands
 * ran under the simulator's lock. In memory ({@link #NONE}) nothing is written.
 */
public interface Recorder {
  Recorder NONE = new Recorder() {
    @Override
    public void record(Command<?> command) { }

    @Override
    public void restart(String scenarioFile, String scenarioText) { }

    @Override
    public void sectionEnd() { }

    @Override
    public void awaitDurable() { }
  };

  /** How full a durable log is, for health; null in memory. */
  record LogBounds(long bytes, long maxBytes, String fsync) {}

  default LogBounds bounds() {
    return null;
  }

  /** Under the lock, before the command runs; may refuse it (an error the client sees). */
  void record(Command<?> command);

  /**
   * Under the lock, before a fresh engine is built (reset: both null; a scenario load: its file
   * name and text): what was recorded before no longer matters.
   */
  void restart(String scenarioFile, String scenarioText);

  /** Under the lock, as it is released. */
  void sectionEnd();

  /** Outside the lock, before an answer goes out: what was recorded so far is written. */
  void awaitDurable();
}
