package dev.vidsim.checker;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * only_legal_transitions: queued → in_progress → succeeded | failed | timed_out | cancelled, a
 * queued job may also fail, time out or be cancelled, and only a succeeded job later expires.
 * Each journaled change starts where the previous one ended, and the job's current status is
 * where its journaled history leads.
 */
final class OnlyLegalTransitions implements Check {
  /** Written out here, not taken from the simulator, so the check is independent of it. */
  private static final Map<String, Set<String>> LEGAL = Map.of(
      "queued", Set.of("in_progress", "failed", "timed_out", "cancelled", "expired"),
      "in_progress", Set.of("succeeded", "failed", "timed_out", "cancelled", "expired"),
      "succeeded", Set.of("expired"));

  @Override
  public String name() {
    return "only_legal_transitions";
  }

  @Override
  public String missing(Evidence e) {
    return e.journal().isEmpty() ? "no journal" : null;
  }

  @Override
  public void run(Evidence e, Sink sink) {
    for (JobFacts j : e.jobFacts().values()) {
      if (j.created() == null) continue;
      String at = j.created().text("status") == null ? "queued" : j.created().text("status");
      if (!"queued".equals(at)) {
        sink.violation("job " + j.id(), "was created " + at + ", not queued", List.of(),
            List.of(j.created()));
      }
      for (JournalEvent s : j.states()) {
        String from = s.text("from");
        String to = s.text("to");
        if (!at.equals(from)) {
          sink.violation("job " + j.id(), "moved from " + from + " while it was " + at,
              List.of(), j.states());
          break;
        }
        if (!LEGAL.getOrDefault(from, Set.of()).contains(to)) {
          sink.violation("job " + j.id(), "illegal transition " + from + " → " + to, List.of(),
              j.states());
          break;
        }
        at = to;
      }
      if (j.snapshot() != null && !at.equals(j.snapshot().status())) {
        sink.violation("job " + j.id(), "is " + j.snapshot().status() + " but its journaled "
            + "history ends at " + at, List.of(), j.states());
      }
    }
  }
}
