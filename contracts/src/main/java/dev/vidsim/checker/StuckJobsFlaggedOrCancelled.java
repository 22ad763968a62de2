package dev.vidsim.checker;

import java.time.Instant;
import java.util.List;

/**
 * stuck_jobs_flagged_or_cancelled: a job the client still watched after its deadline (it polled
 * it later than created + deadline + grace) and that never finished must have been cancelled or
 * flagged by the client.
 */
final class StuckJobsFlaggedOrCancelled extends ClientCheck {
  @Override
  public String name() {
    return "stuck_jobs_flagged_or_cancelled";
  }

  @Override
  public void run(Evidence e, Sink sink) {
    var limits = e.limits();
    for (JobFacts j : e.jobFacts().values()) {
      if (j.created() == null || !j.isRunning()) continue;
      Instant overdue = j.created().at().plus(limits.deadline()).plus(limits.deadlineGrace());
      Exchange lastLook = null;
      boolean cancelled = false;
      for (Exchange x : e.exchanges()) {
        if (!j.id().equals(x.jobInPath())) continue;
        if (x.isCancel()) cancelled = true;
        if (x.isPoll() && x.at().isAfter(overdue)) lastLook = x;
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
