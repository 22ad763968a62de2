package dev.vidsim.checker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * stuck_jobs_flagged_or_cancelled: a job the client kept watching past its deadline (polled it
 * twice in one call later than created + deadline + grace) and that never finished must have
 * been cancelled or flagged by the client.
 */
final class StuckJobsFlaggedOrCancelled extends ClientCheck {
  @Override
  public String name() {
    return "stuck_jobs_flagged_or_cancelled";
  }

  @Override
  public void run(Evidence e, Sink sink) {
    var limits = e.limits();
    Calls calls = Calls.of(e);
    java.util.Map<String, List<Exchange>> byJob = new java.util.HashMap<>();
    for (Exchange x : e.exchanges()) {
      if (x.jobInPath() == null) continue;
      byJob.computeIfAbsent(x.jobInPath(), k -> new ArrayList<>()).add(x);
    }
    for (JobFacts j : e.jobFacts().values()) {
      if (j.created() == null || !j.isRunning()) continue;
      Instant overdue = j.created().at().plus(limits.deadline()).plus(limits.deadlineGrace());
      Exchange lastLook = null;
      boolean cancelled = false;
      java.util.Map<Integer, Integer> overduePollsPerCall = new java.util.HashMap<>();
      for (Exchange x : byJob.getOrDefault(j.id(), List.of())) {
        if (x.isCancel()) cancelled = true;
        if (x.isPoll() && x.at().isAfter(overdue)
            && overduePollsPerCall.merge(calls.of(x.request().seq()), 1, Integer::sum) >= 2) {
          lastLook = x;
        }
      }
      boolean flagged = e.clientLog() != null && e.clientLog().flaggedJobs().contains(j.id());
      if (lastLook != null && !cancelled && !flagged) {
        sink.violation("job " + j.id(), "is still " + j.status() + " " + java.time.Duration
            .between(j.created().at(), lastLook.at()).toMinutes() + " min after it was created "
            + "(the deadline is " + limits.deadline().toMinutes() + " min) and the client, "
            + "which kept polling it, neither cancelled nor flagged it", j.lines(),
            List.of(j.created(), lastLook.request()));
      }
    }
  }
}
