package dev.vidsim.checker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * retry_delays_spread: retry delays are jittered. Among the first (and, separately, the second)
 * retries the client made after failures that asked for no particular wait (no Retry-After),
 * once there are {@link #SAMPLES_MIN} of them, not all waited the same: clients retrying in
 * lock-step after an outage come back together, a thundering herd. With full jitter over a
 * window of a second or more, {@value #SAMPLES_MIN} equal waits happen about once in a million.
 */
final class RetryDelaysSpread extends ClientCheck {
  static final int SAMPLES_MIN = 3;
  /** Only early retries: a late one may be a new call after retries ran out (a poll, say). */
  static final int RETRY_NUMBER_MAX = 2;

  @Override
  public String name() {
    return "retry_delays_spread";
  }

  private record Retry(Duration waited, Exchange failed, Exchange retry) {}

  @Override
  public void run(Evidence e, Sink sink) {
    Map<Integer, List<Retry>> byNumber = new HashMap<>();
    Map<String, Exchange> lastOf = new HashMap<>();
    Map<String, Integer> failuresInRow = new HashMap<>();
    Calls calls = e.calls();
    for (Exchange x : e.exchanges()) {
      if (x.tenant() == null) continue;
      String sig = x.signature() + "#" + calls.of(x.request().seq());
      Exchange last = lastOf.put(sig, x);
      int n = failuresInRow.getOrDefault(sig, 0);
      if (last != null && n > 0 && n <= RETRY_NUMBER_MAX && last.retryableFailure()
          && calls.same(last, x) && RetryAfter.of(last) == null) {
        byNumber.computeIfAbsent(n, k -> new ArrayList<>())
            .add(new Retry(Duration.between(last.at(), x.at()), last, x));
      }
      failuresInRow.put(sig, x.retryableFailure() ? (last != null && last.retryableFailure()
          && calls.same(last, x) ? n + 1 : 1) : 0);
    }
    byNumber.forEach((n, retries) -> {
      if (retries.size() < SAMPLES_MIN) return;
      Duration first = retries.get(0).waited();
      if (retries.stream().allMatch(r -> r.waited().equals(first))) {
        List<JournalEvent> shown = new ArrayList<>();
        retries.forEach(r -> shown.add(r.retry().request()));
        sink.violation("tenant " + retries.get(0).failed().tenant(), "all " + retries.size()
            + " retries number " + n + " waited exactly " + first.toMillis() + " ms: no jitter,"
            + " so clients retry in lock-step", List.of(), shown);
      }
    });
  }
}
