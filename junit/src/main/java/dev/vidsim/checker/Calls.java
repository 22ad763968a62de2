package dev.vidsim.checker;

import java.util.Arrays;

/** Which client call (as the client log marks them) each journal line belongs to. */
final class Calls {
  private final long[] starts;

  private Calls(long[] starts) {
    this.starts = starts;
  }

  static Calls of(Evidence e) {
    if (e.clientLog() == null) return new Calls(new long[0]);
    long[] s = e.clientLog().callStarts().stream().mapToLong(Long::longValue).sorted().toArray();
    return new Calls(s);
  }

  /** The number of calls started before this line: equal numbers mean the same call. */
  int of(long seq) {
    int i = Arrays.binarySearch(starts, seq);
    return i >= 0 ? i + 1 : -i - 1;
  }

  boolean same(Exchange a, Exchange b) {
    return of(a.request().seq()) == of(b.request().seq());
  }
}
