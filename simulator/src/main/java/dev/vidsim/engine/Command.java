package dev.vidsim.engine;

/**
 * A state-changing operation on the engine, described by data alone (a record of strings,
 * numbers and engine values), so it can be written down before it runs and run again on the
 * same engine state with the same result: how {@code --data-dir} survives a crash.
 */
public interface Command<T> {
  T apply(Engine engine);
}
