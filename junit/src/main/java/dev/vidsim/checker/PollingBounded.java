package dev.vidsim.checker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * polling_bounded: a job is polled at most {@code pollsPerJobMax} times, and two polls of one job
 * are at least {@code pollFloor} apart (after a failed poll the retry follows the backoff rules
 * instead, until its attempts run out; polls in different client calls, or across a restart,
 * may come at once).
 */
final class PollingBounded extends ClientCheck {
  @Override
  public String name() {
    return "polling_bounded";
  }

  @Override
  public void run(Evidence e, Sink sink) {
    Map<String, List<Exchange>> byJob = new LinkedHashMap<>();
    for (Exchange x : e.exchanges()) {
      if (x.isPoll()) byJob.computeIfAbsent(x.jobInPath(), j -> new ArrayList<>()).add(x);
    }
    List<Instant> restarts = e.clientLog() == null ? List.of() : e.clientLog().restarts();
    Calls calls = e.calls();
    byJob.forEach((job, polls) -> check(e, job, polls, restarts, calls, sink));
  }

  private static void check(Evidence e, String job, List<Exchange> polls, List<Instant> restarts,
                            Calls calls, Sink sink) {
    ClientLimits limits = e.limits();
    if (polls.size() > limits.pollsPerJobMax()) {
      JobFacts f = e.jobFacts().get(job);
      sink.violation("job " + job, "polled " + polls.size() + " times; the client promises at "
          + "most " + limits.pollsPerJobMax(), f == null ? List.of()
          : f.lines().stream().filter(LedgerLine::isPollFee).toList(),
          List.of(polls.get(0).request(), polls.get(polls.size() - 1).request()));
    }
    int failedInRow = 0;
    for (int i = 1; i < polls.size(); i++) {
      Exchange a = polls.get(i - 1);
      Exchange b = polls.get(i);
      failedInRow = a.succeeded() ? 0 : failedInRow + 1;
      Duration gap = Duration.between(a.at(), b.at());
      // a retry follows the backoff rules; once the attempts ran out, the next one is a new poll
      boolean retry = !a.succeeded() && failedInRow < limits.attemptsMax();
      if (failedInRow >= limits.attemptsMax()) failedInRow = 0;
      if (retry || gap.compareTo(limits.pollFloor()) >= 0) continue;
      if (restartedBetween(restarts, a.at(), b.at()) || !calls.same(a, b)) continue;
      sink.violation("job " + job, "polled twice " + gap.toMillis() + " ms apart; the floor "
          + "is " + limits.pollFloor().toMillis() + " ms", List.of(),
          List.of(a.request(), b.request()));
      return;
    }
  }

  private static boolean restartedBetween(List<Instant> restarts, Instant a, Instant b) {
    return restarts.stream().anyMatch(r -> !r.isBefore(a) && !r.isAfter(b));
  }
}
