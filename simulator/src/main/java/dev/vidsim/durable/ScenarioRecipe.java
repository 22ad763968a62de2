package dev.vidsim.durable;

import dev.vidsim.clock.ClockMode;
import dev.vidsim.scenario.Scenario;
import dev.vidsim.scenario.ScenarioLoader;

/**
 * How to build the scenario a durable run started from: the file's name and text, and the
 * command line's overrides (null: the file's own). The log keeps it, so a restart rebuilds the
 * very same scenario even when the file changed or was loaded through the admin API.
 */
public record ScenarioRecipe(String file, String text, Long seed, Integer maxJobs,
                             Integer maxJournal, ClockMode clock, Long clockFactor) {
  public ScenarioRecipe {
    java.util.Objects.requireNonNull(file, "file");
    java.util.Objects.requireNonNull(text, "text");
  }

  /** A scenario file as it is, without overrides. */
  public static ScenarioRecipe of(String file, String text) {
    return new ScenarioRecipe(file, text, null, null, null, null, null);
  }

  public Scenario build() {
    Scenario s = ScenarioLoader.parse(file, text);
    if (seed != null) s = s.withSeed(seed);
    if (maxJobs != null || maxJournal != null) {
      s = s.withBounds(maxJobs != null ? maxJobs : s.maxJobs(),
          maxJournal != null ? maxJournal : s.journalMaxEntries());
    }
    if (clock != null || clockFactor != null) {
      s = s.withClock(clock != null ? clock : s.clock(),
          clockFactor != null ? clockFactor : s.clockFactor());
    }
    return s;
  }
}
