package dev.vidsim.checker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * no_retry_of_non_retryable_errors: a create answered 400, 401, 402, 403, 404 or 422 is not sent
 * again unchanged (same key, same body): it would fail the same way, or be charged if it
 * suddenly succeeded under a key the caller had given up on.
 */
final class NoRetryOfNonRetryableErrors extends ClientCheck {
  static final Set<Integer> FINAL = Set.of(400, 401, 402, 403, 404, 422);

  @Override
  public String name() {
    return "no_retry_of_non_retryable_errors";
  }

  @Override
  public void run(Evidence e, Sink sink) {
    Map<String, Exchange> refused = new HashMap<>();
    for (Exchange x : e.exchanges()) {
      if (!x.isCreate()) continue;
      Exchange before = refused.get(x.signature());
      if (before != null) {
        sink.violation("tenant " + x.tenant(), "sent the same create again after it was "
            + "answered " + before.status() + " " + before.errorCode() + " (" + before + ")",
            List.of(), List.of(before.request(), before.response(), x.request()));
        refused.remove(x.signature());
      } else if (FINAL.contains(x.status())) {
        refused.put(x.signature(), x);
      }
    }
  }
}
