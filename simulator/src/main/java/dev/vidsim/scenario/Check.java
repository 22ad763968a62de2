package dev.vidsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A scenario's script and expectations, already validated, with the located tree so a replay
 * can say which line a failing step is on.
 *
 * @param script the steps (an array, possibly empty)
 * @param expect the expectations (an object, possibly empty)
 */
public record Check(JsonNode script, JsonNode expect, LocatedTree tree) {
  /** The line a step starts on, for messages. */
  public int line(int step) {
    return tree.locate("/script/" + step).line();
  }
}
