package dev.vidsim.checker;

import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * stuck_jobs_flagged_or_cancelled: a job still running at its deadline is cancelled or flagged,
 * not watched on: two polls in one client call, later than created + deadline + grace, that
 * find it still queued or in progress (with no cancel before them) break the rule.
 */
final class StuckJobsFlaggedOrCancelled extends ClientCheck {
  @Override
  public String name() {
    return "stuck_jobs_flagged_or_cancelled";
  }

  @Override
  public void run(Evidence e, Sink sink) {
    var limits = e.limits();
    Calls calls = e.calls();
    Map<String, List<Exchange>> byJob = new HashMap<>();
    for (Exchange x : e.exchanges()) {
      if (x.jobInPath() == null) continue;
      byJob.computeIfAbsent(x.jobInPath(), k -> new ArrayList<>()).add(x);
    }
    // flagging late does not excuse watching on: only what happened before the deadline counts
    for (JobFacts j : e.jobFacts().values()) {
      if (j.created() == null) continue;
      Instant overdue = j.created().at().plus(limits.deadline()).plus(limits.deadlineGrace());
      Exchange second = secondOverduePoll(byJob.getOrDefault(j.id(), List.of()), overdue, calls);
      if (second == null) continue;
      sink.violation("job " + j.id(), "was still " + Js.text(second.responseBody(), "status")
          + " " + Duration.between(j.created().at(), second.at()).toMinutes() + " min after it "
          + "was created (the deadline is " + limits.deadline().toMinutes() + " min) and the "
          + "client kept polling it instead of cancelling or flagging it", j.lines(),
          List.of(j.created(), second.request(), second.response()));
    }
  }

  /**
   * The second poll, within one client call and before any cancel, that found the job still
   * running past its deadline; null when there is none.
   */
  private static Exchange secondOverduePoll(List<Exchange> exchanges, Instant overdue,
                                            Calls calls) {
    Map<Long, Integer> perCall = new HashMap<>();
    for (Exchange x : exchanges) {
      if (x.isCancel()) return null;
      if (!x.isPoll() || !x.at().isAfter(overdue) || !x.succeeded()) continue;
      String status = Js.text(x.responseBody(), "status");
      if (!"queued".equals(status) && !"in_progress".equals(status)) continue;
      if (perCall.merge(calls.of(x.request().seq()), 1, Integer::sum) >= 2) return x;
    }
    return null;
  }
}
