package dev.vidsim.checker;

import java.time.Duration;
import java.util.List;

/**
 * backoff_within_bounds: after a failed attempt the client sleeps no longer than its backoff cap
 * (unless a Retry-After asked for more, then no longer than that plus the cap), and no shorter
 * than its promised minimum or the Retry-After, before its next request: the retry, or the
 * lookup it makes first.
 */
final class BackoffWithinBounds extends ClientCheck {
  @Override
  public String name() {
    return "backoff_within_bounds";
  }

  /**
   * The call's next request after a failed attempt ends its backoff sleep: it may be the retry
   * itself, or a lookup the client makes before retrying (whose own retries take time). Null
   * when a request of an unknown call (another thread's, or this one's) comes first.
   */
  private static Exchange nextOfCall(List<Exchange> all, int from, Calls calls) {
    Exchange before = all.get(from);
    for (int i = from + 1; i < all.size(); i++) {
      Exchange x = all.get(i);
      if (!java.util.Objects.equals(x.tenant(), before.tenant())) continue;
      if (calls.unknown(x)) return null;
      if (calls.same(before, x)) return x;
    }
    throw new IllegalStateException("an attempt chain ends with its last attempt");
  }

  /**
   * When the attempt ended, so the sleep began: its answer, else (a dropped connection) the last
   * line written while it was answered. A held sync create ends long after it was sent.
   */
  private static java.time.Instant answered(Exchange x) {
    if (x.response() != null) return x.response().at();
    List<JournalEvent> inside = x.inside();
    return inside.isEmpty() ? x.at() : inside.get(inside.size() - 1).at();
  }

  @Override
  public void run(Evidence e, Sink sink) {
    Duration cap = e.limits().backoffCap();
    List<Exchange> all = e.exchanges();
    java.util.Map<Exchange, Integer> index = new java.util.IdentityHashMap<>();
    for (int i = 0; i < all.size(); i++) index.put(all.get(i), i);
    Calls calls = e.calls();
    for (List<Exchange> chain : e.attemptChains()) {
      for (int i = 1; i < chain.size(); i++) {
        Exchange before = chain.get(i - 1);
        Exchange after = nextOfCall(all, index.get(before), calls);
        if (after == null) continue;
        Duration asked = RetryAfter.of(before);
        Duration allowed = asked == null ? cap : asked.plus(cap);
        Duration waited = Duration.between(answered(before), after.at());
        // a resend of the same request sooner than Retry-After is waits_at_least_retry_after's
        // finding; here Retry-After bounds what comes first instead (a lookup, say)
        boolean resend = after.signature().equals(before.signature());
        Duration least = asked != null && !resend && asked.compareTo(e.limits().backoffMin()) > 0
            ? asked : e.limits().backoffMin();
        if (waited.compareTo(least) < 0) {
          sink.violation("tenant " + before.tenant(), "waited only " + waited.toMillis() + " ms "
              + "after attempt " + i + " of " + before.method() + " " + before.path() + "; "
              + (asked == null ? "the client promises at least " : "Retry-After asked for ")
              + least.toMillis() + " ms", List.of(), List.of(before.request(), after.request()));
          break;
        }
        if (waited.compareTo(allowed) > 0) {
          sink.violation("tenant " + before.tenant(), "waited " + waited.toMillis() + " ms "
              + "after attempt " + i + " of " + before.method() + " "
              + before.path() + "; the backoff cap allows " + allowed.toMillis() + " ms",
              List.of(), before.response() == null ? List.of(before.request(), after.request())
                  : List.of(before.request(), before.response(), after.request()));
          break;
        }
      }
    }
  }
}
