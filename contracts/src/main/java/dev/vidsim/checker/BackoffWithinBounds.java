package dev.vidsim.checker;

import java.time.Duration;
import java.util.List;

/**
 * backoff_within_bounds: between two attempts of one call the client waits no longer than its
 * backoff cap, unless a Retry-After asked for more (then no longer than that plus the cap).
 */
final class BackoffWithinBounds extends ClientCheck {
  @Override
  public String name() {
    return "backoff_within_bounds";
  }

  @Override
  public void run(Evidence e, Sink sink) {
    Duration cap = e.limits().backoffCap();
    for (List<Exchange> chain : AttemptChains.of(e)) {
      for (int i = 1; i < chain.size(); i++) {
        Exchange before = chain.get(i - 1);
        Exchange after = chain.get(i);
        Duration asked = RetryAfter.of(before);
        Duration allowed = asked == null ? cap : asked.plus(cap);
        Duration waited = Duration.between(before.at(), after.at());
        if (waited.compareTo(allowed) > 0) {
          sink.violation("tenant " + before.tenant(), "waited " + waited.toMillis() + " ms "
              + "between attempts " + i + " and " + (i + 1) + " of " + before.method() + " "
              + before.path() + "; the backoff cap allows " + allowed.toMillis() + " ms",
              List.of(), List.of(before.request(), after.request()));
          break;
        }
      }
    }
  }
}
