package dev.vidsim.scenario;

import java.util.List;

/**
 * A scenario that cannot be loaded. The message reads
 * {@code file:line:column: field: what was wrong, what was expected}, one line per problem when
 * the file has several ({@link #problems()} lists them).
 */
public final class ScenarioException extends RuntimeException {
  /** A field's path as messages show it, cut so one line stays readable. */
  private static final int FIELD_CHARS_MAX = 240;
  private final String file;
  private final Location location;
  private final String field;
  private final String problem;
  private final List<ScenarioException> all;

  public ScenarioException(String file, Location location, String field, String problem) {
    this(file, location, printable(field.length() <= FIELD_CHARS_MAX ? field
        : field.substring(0, FIELD_CHARS_MAX) + "..."), printable(problem), null, "");
  }

  /** Control characters and line separators quoted from a file would break the one-line form. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0xFEFF
          || Character.getType(c) == Character.SURROGATE) {
        out.append(String.format("\\u%04X", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  private ScenarioException(String file, Location location, String field, String problem,
                            List<ScenarioException> all, String more) {
    super(file + ":" + location.line() + ":" + location.column() + ": "
        + (field.isEmpty() ? "" : field + ": ") + problem + more);
    this.file = file;
    this.location = location;
    this.field = field;
    this.problem = problem;
    this.all = all == null ? List.of(this) : List.copyOf(all);
  }

  /** Several problems as one: the first leads, the others follow one per line. */
  static ScenarioException all(List<ScenarioException> problems, int shownMax) {
    ScenarioException first = problems.get(0);
    if (problems.size() == 1) return first;
    StringBuilder more = new StringBuilder();
    problems.stream().skip(1).limit(shownMax - 1L)
        .forEach(p -> more.append('\n').append(p.getMessage()));
    if (problems.size() > shownMax) {
      more.append("\n(and ").append(problems.size() - shownMax).append(" more)");
    }
    return new ScenarioException(first.file, first.location, first.field, first.problem,
        problems.subList(0, Math.min(problems.size(), shownMax)), more.toString());
  }

  public String file() { return file; }
  public Location location() { return location; }
  public String field() { return field; }
  public String problem() { return problem; }

  /** Every problem this exception reports (itself alone when there was one). */
  public List<ScenarioException> problems() { return all; }
}
