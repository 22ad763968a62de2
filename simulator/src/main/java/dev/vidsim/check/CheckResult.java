package dev.vidsim.check;

import java.util.List;

/**
 * The outcome of replaying one scenario file.
 *
 * @param problems readable mismatch lines (empty: the scenario passed)
 */
public record CheckResult(String file, String name, List<String> problems) {
  public CheckResult {
    problems = List.copyOf(problems);
  }

  public boolean passed() {
    return problems.isEmpty();
  }

  /** "ok file (name)" or "FAIL file (name)" followed by the indented problems. */
  public String report() {
    StringBuilder sb = new StringBuilder(passed() ? "ok      " : "FAIL    ");
    sb.append(file).append(" (").append(name).append(')');
    problems.forEach(p -> sb.append("\n        ").append(p.replace("\n", "\n        ")));
    return sb.toString();
  }
}
