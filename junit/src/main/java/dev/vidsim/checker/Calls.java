package dev.vidsim.checker;

import java.util.Arrays;
import java.util.Map;

/**
 * Which client call (as the client log marks them) each journal line belongs to: the call the
 * log names as a request's sender, else the call started last before the line. Two threads'
 * calls overlap, so only the named sender keeps their retries apart.
 */
final class Calls {
  private final long[] starts;
  private final Map<Long, Long> senders;

  private Calls(long[] starts, Map<Long, Long> senders) {
    this.starts = starts;
    this.senders = senders;
  }

  static Calls of(Evidence e) {
    if (e.clientLog() == null) return new Calls(new long[0], Map.of());
    long[] s = e.clientLog().callStarts().stream().mapToLong(Long::longValue).sorted().toArray();
    return new Calls(s, e.clientLog().requestCalls());
  }

  /**
   * The call this line belongs to: equal numbers mean the same call. A request whose sender is
   * unknown is a call of its own (a negative number), so no rule judges it with another.
   */
  long of(long seq) {
    Long start = senders.get(seq);
    if (start == null) return started(seq);
    return start == ClientLog.CALL_UNKNOWN ? -seq : started(start);
  }

  /** The number of calls started before this line. */
  private long started(long seq) {
    int i = Arrays.binarySearch(starts, seq);
    return i >= 0 ? i + 1 : -i - 1;
  }

  boolean same(Exchange a, Exchange b) {
    return of(a.request().seq()) == of(b.request().seq());
  }

  /** Whether the harness could not tell which call sent this request. */
  boolean unknown(Exchange x) {
    return of(x.request().seq()) < 0;
  }
}
