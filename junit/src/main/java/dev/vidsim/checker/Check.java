package dev.vidsim.checker;

import java.util.List;

/** One named invariant over {@link Evidence}. */
public interface Check {
  /** A snake_case name that states the rule, e.g. {@code holds_settle_exactly_once}. */
  String name();

  /** Why this evidence is not enough to run the check, or null when it is. */
  default String missing(Evidence evidence) {
    return null;
  }

  void run(Evidence evidence, Sink sink);

  /**
   * Whether the check pairs journaled requests with their responses, which is only exact when a
   * tenant's requests do not overlap in time (not so for concurrent tests on one simulator).
   */
  default boolean pairsRequests() {
    return false;
  }

  /** Where a check reports what it found. */
  interface Sink {
    void violation(String subject, String message, List<LedgerLine> lines,
                   List<JournalEvent> events);

    default void violation(String subject, String message) {
      violation(subject, message, List.of(), List.of());
    }

    default void violation(String subject, String message, List<LedgerLine> lines) {
      violation(subject, message, lines, List.of());
    }
  }
}
