package dev.vidsim.scenario;

/** Where a value sits in a scenario file, 1-based. */
public record Location(int line, int column) {
  public static final Location UNKNOWN = new Location(1, 1);
}
