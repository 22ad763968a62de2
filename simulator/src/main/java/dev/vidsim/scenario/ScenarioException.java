package dev.vidsim.scenario;

/**
 * A scenario that cannot be loaded. The message reads
 * {@code file:line:column: field: what was wrong, what was expected}.
 */
public final class ScenarioException extends RuntimeException {
  private final String file;
  private final Location location;
  private final String field;
  private final String problem;

  public ScenarioException(String file, Location location, String field, String problem) {
    super(file + ":" + location.line() + ":" + location.column() + ": "
        + (field.isEmpty() ? "" : field + ": ") + problem);
    this.file = file;
    this.location = location;
    this.field = field;
    this.problem = problem;
  }

  public String file() { return file; }
  public Location location() { return location; }
  public String field() { return field; }
  public String problem() { return problem; }
}
