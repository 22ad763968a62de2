package dev.vidsim.checker;

import java.util.List;

/** retries_within_cap: one call is attempted at most {@code attemptsMax} times. */
final class RetriesWithinCap extends ClientCheck {
  @Override
  public String name() {
    return "retries_within_cap";
  }

  @Override
  public void run(Evidence e, Sink sink) {
    int max = e.limits().attemptsMax();
    for (List<Exchange> chain : e.attemptChains()) {
      if (chain.size() <= max) continue;
      Exchange first = chain.get(0);
      sink.violation("tenant " + first.tenant(), first.method() + " " + first.path()
          + (first.idempotencyKey() == null ? "" : " key=" + first.idempotencyKey())
          + " was attempted " + chain.size() + " times; the client promises at most " + max,
          List.of(), chain.stream().map(Exchange::request).toList());
    }
  }
}
