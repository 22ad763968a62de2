package dev.vidsim.durable;

import dev.vidsim.engine.Command;
import dev.vidsim.engine.Commands;
import dev.vidsim.engine.Recorder;
import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import java.util.Map;

/**
 * Writes each command to the log before it runs, with the wall reading it runs at. During a
 * replay it writes nothing: the commands come from the log.
 */
final class DurableRecorder implements Recorder {
  private final CommandCodec codec;
  private final FrozenWall wall;
  private CommandLog log;
  private ScenarioRecipe recipe;
  private boolean replaying = true;

  DurableRecorder(CommandCodec codec, FrozenWall wall, ScenarioRecipe recipe) {
    this.codec = codec;
    this.wall = wall;
    this.recipe = recipe;
  }

  /** The replay is over: from now on every command is written to {@code log}. */
  void goLive(CommandLog log) {
    this.log = log;
    this.replaying = false;
  }

  ScenarioRecipe recipe() {
    return recipe;
  }

  @Override
  public LogBounds bounds() {
    return log == null ? null : new LogBounds(log.bytes(), log.maxBytes(), log.policy()
        .wireName());
  }

  @Override
  public void record(Command<?> command) {
    if (replaying) return;
    if (command instanceof Commands.Admit && log.full()) {
      // a bound on the file: new requests stop; the clock, admin calls and answers go on
      throw new SimException(ErrorCode.SIMULATOR_FULL, "the durable log reached its bound of "
          + log.maxBytes() / (1024 * 1024) + " MiB (--max-log-mb); POST /_sim/reset starts it"
          + " over, or restart with a larger bound", Map.of("limit", "--max-log-mb"));
    }
    log.append(codec.command(wall.freezeNow(), command));
  }

  @Override
  public void restart(String scenarioFile, String scenarioText) {
    if (replaying) throw new IllegalStateException("a log never holds a reset or a load");
    if (scenarioFile != null && scenarioText == null) {
      throw new IllegalArgumentException("a durable simulator loads a scenario from its text");
    }
    if (scenarioFile != null) recipe = ScenarioRecipe.of(scenarioFile, scenarioText);
    log.restart(codec.header(wall.freezeNow(), recipe));
  }

  @Override
  public void sectionEnd() {
    if (!replaying) wall.thaw();
  }

  @Override
  public void awaitDurable() {
    if (!replaying) log.commit();
  }
}
