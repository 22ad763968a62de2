package dev.vidsim.checker;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome of one check run: the violations found, the checks that ran, and the checks skipped
 * for lack of evidence (e.g. client checks without {@link ClientLimits}), each with its reason.
 */
public record Report(List<Violation> violations, List<String> checksRun,
                     Map<String, String> checksSkipped) {
  public Report {
    violations = List.copyOf(violations);
    checksRun = List.copyOf(checksRun);
    checksSkipped = Map.copyOf(checksSkipped);
  }

  public boolean isOk() {
    return violations.isEmpty();
  }

  public List<Violation> violationsOf(String check) {
    return violations.stream().filter(v -> v.check().equals(check)).toList();
  }

  /** Names of the checks that found something, in order, without repeats. */
  public List<String> brokenChecks() {
    return violations.stream().map(Violation::check).distinct().toList();
  }

  /** Throws an {@link AssertionError} listing every violation, or returns this report. */
  public Report orThrow() {
    if (!isOk()) throw new AssertionError(summary());
    return this;
  }

  public String summary() {
    if (isOk()) return "all " + checksRun.size() + " invariants hold";
    return violations.size() + " invariant violation(s) in " + brokenChecks() + ":\n"
        + violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n"));
  }

  @Override
  public String toString() {
    return summary();
  }
}
