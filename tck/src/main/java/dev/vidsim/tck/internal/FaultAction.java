package dev.vidsim.tck.internal;

import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.Transformer;

/**
 * The provider misbehaves: a fault rule added at run time, as {@code POST /_sim/faults} would.
 * Each kind is one arbitrary, so shrinking keeps the kind and simplifies its numbers.
 */
public final class FaultAction implements Action.Independent<World> {
  /** The next create is made and charged, its answer lost as a 500. */
  static final String LOST_CREATE = "{\"when\":{\"endpoint\":\"create\",\"times\":1},"
      + "\"do\":{\"lostResponse\":true}}";

  @Override
  public Arbitrary<Transformer<World>> transformer() {
    // outages are rare and short: every request in one is retried, lookups included
    return Arbitraries.frequencyOf(Tuple.of(3, rateLimit()), Tuple.of(3, lostResponse()),
        Tuple.of(2, serverError()), Tuple.of(3, jobOutcome()), Tuple.of(1, regionOutage()),
        Tuple.of(1, noCredit()), Tuple.of(2, webhook()))
        .map(f -> Transformer.mutate("fault " + f.describe(), w -> {
          String json = f.json(w);
          w.step("fault " + json);
          w.addFault(json);
        }));
  }

  /** A fault rule template; some need the current simulated time. */
  interface Fault {
    String describe();

    String json(World w);
  }

  record Fixed(String describe, String json) implements Fault {
    @Override
    public String json(World w) {
      return json;
    }
  }

  static Arbitrary<Fault> rateLimit() {
    // only endpoints a vidsim check script can replay (not /v1/models), so replays are exact
    return Combinators.combine(Arbitraries.of("create", "get", "list"),
        Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 20),
        Arbitraries.of(true, false)).as((endpoint, times, seconds, date) -> new Fixed(
            "rate limit burst: " + times + "x 429 on " + endpoint + ", Retry-After " + seconds
                + "s" + (date ? " as a date" : ""),
            "{\"when\":{\"endpoint\":\"" + endpoint + "\",\"times\":" + times + "},\"do\":{"
                + "\"status\":429,\"" + (date ? "retryAfterDate" : "retryAfter") + "\":\""
                + seconds + "s\"}}"));
  }

  static Arbitrary<Fault> lostResponse() {
    return Arbitraries.of(false, true).map(drop -> new Fixed(
        "create charged, response " + (drop ? "dropped" : "lost as a 500"),
        "{\"when\":{\"endpoint\":\"create\",\"times\":1},\"do\":{\"lostResponse\":true"
            + (drop ? ",\"drop\":true" : "") + "}}"));
  }

  static Arbitrary<Fault> serverError() {
    return Combinators.combine(Arbitraries.of("create", "get", "cancel", "list"),
        Arbitraries.of(500, 502, 504), Arbitraries.integers().between(1, 7))
        .as((endpoint, status, times) -> new Fixed(times + "x " + status + " on " + endpoint,
            "{\"when\":{\"endpoint\":\"" + endpoint + "\",\"times\":" + times + "},"
                + "\"do\":{\"status\":" + status + "}}"));
  }

  static Arbitrary<Fault> jobOutcome() {
    return Arbitraries.of("stuck", "timeout", "error", "contentFilter").map(outcome -> new Fixed(
        "next job ends " + outcome, "{\"when\":{\"times\":1},\"do\":{\"outcome\":\"" + outcome
            + "\"" + (outcome.equals("timeout") ? ",\"after\":\"10m\"" : "") + "}}"));
  }

  static Arbitrary<Fault> regionOutage() {
    return Arbitraries.integers().between(1, 3).map(minutes -> new Fault() {
      @Override
      public String describe() {
        return "region us-east down for " + minutes + "m";
      }

      @Override
      public String json(World w) {
        long from = Duration.between(w.host().scenario().startTime(), w.host().now())
            .toSeconds();
        return "{\"when\":{\"region\":\"us-east\",\"from\":\"" + from + "s\",\"until\":\""
            + (from + minutes * 60L) + "s\"},\"do\":{\"status\":503}}";
      }
    });
  }

  static Arbitrary<Fault> noCredit() {
    return Arbitraries.integers().between(1, 2).map(times -> new Fixed(
        "balance drained: " + times + "x 402 on create",
        "{\"when\":{\"endpoint\":\"create\",\"times\":" + times + "},\"do\":{\"status\":402}}"));
  }

  static Arbitrary<Fault> webhook() {
    return Combinators.combine(Arbitraries.of("drop", "duplicate", "reorder"),
        Arbitraries.integers().between(1, 3)).as((kind, times) -> new Fixed(
            "webhook " + kind + " x" + times, "{\"when\":{\"times\":" + times + "},\"do\":{"
                + "\"webhook\":\"" + kind + "\"}}"));
  }
}
