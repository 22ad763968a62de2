package dev.vidsim.checker;

import java.time.Duration;
import java.util.List;

/**
 * waits_at_least_retry_after: after a response with Retry-After (429, 503), the client sends the
 * same request again (within the same client call) no sooner than it asked.
 */
final class WaitsAtLeastRetryAfter extends ClientCheck {
  @Override
  public String name() {
    return "waits_at_least_retry_after";
  }

  @Override
  public void run(Evidence e, Sink sink) {
    List<Exchange> all = e.exchanges();
    Calls calls = e.calls();
    for (int i = 0; i < all.size(); i++) {
      Exchange x = all.get(i);
      Duration wait = RetryAfter.of(x);
      if (wait == null) continue;
      for (Exchange next : all.subList(i + 1, all.size())) {
        if (!next.signature().equals(x.signature())) continue;
        if (calls.unknown(next)) break; // whose resend it is cannot be told
        if (!calls.same(x, next)) continue; // another thread's call
        Duration waited = Duration.between(x.response().at(), next.at());
        if (waited.compareTo(wait) < 0) {
          sink.violation("tenant " + x.tenant(), "retried " + x.method() + " " + x.path()
              + " after " + waited.toMillis() + " ms but Retry-After asked for "
              + wait.toMillis() + " ms", List.of(),
              List.of(x.request(), x.response(), next.request()));
        }
        break;
      }
    }
  }
}
