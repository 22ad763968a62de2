package dev.vidsim.durable;

import dev.vidsim.engine.Simulator;
import dev.vidsim.journal.Journal;

/**
 * Runs a log's records through a fresh simulator, in order, each at its own wall reading: the
 * first builds the simulator from the scenario it names, the others are commands. A command that
 * failed the first time fails again the same way (the client got that error): counted, not fatal.
 */
final class Replay {
  private final CommandCodec codec;
  private final FrozenWall wall;
  private DurableRecorder recorder;
  private Simulator simulator;
  private long replayed;
  private long refused;

  Replay(CommandCodec codec, FrozenWall wall) {
    this.codec = codec;
    this.wall = wall;
  }

  void next(String line) {
    CommandCodec.Entry entry = codec.decode(line);
    wall.freezeAt(entry.wallNanos());
    if (entry.recipe() != null) {
      if (simulator != null) throw new IllegalArgumentException("a second scenario record");
      recorder = new DurableRecorder(codec, wall, entry.recipe());
      simulator = new Simulator(entry.recipe().build(), wall, recorder);
      simulator.call(e -> {
        e.webhooks().hold();
        return null;
      });
      return;
    }
    if (simulator == null) throw new IllegalArgumentException("a command before the scenario");
    replayed++;
    // the journal lines it writes name the request they answered, as they did the first time
    if (entry.answering() != null) Journal.answering(entry.answering());
    try {
      simulator.execute(entry.command());
    } catch (RuntimeException e) {
      refused++;
    } finally {
      Journal.answered();
    }
  }

  Simulator simulator() { return simulator; }
  DurableRecorder recorder() { return recorder; }
  long replayed() { return replayed; }
  long refused() { return refused; }
}
