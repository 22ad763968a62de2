package dev.vidsim.checker;

import java.time.Duration;
import java.util.Objects;

/**
 * The promises a client makes about its own behaviour, which the client-side checks hold it to.
 * Defaults follow the reference client; a TCK adapter states its own client's numbers.
 *
 * @param attemptsMax     requests per logical call, the first one included
 * @param backoffCap      longest wait between two attempts (unless Retry-After asks for more)
 * @param pollFloor       shortest wait between two status polls of one job
 * @param pollsPerJobMax  status polls of one job, over its whole life
 * @param deadline        how long a job may run before the client cancels or flags it
 * @param deadlineGrace   slack on the deadline (one poll interval is typical)
 * @param backoffMin      shortest wait between two attempts (zero for full jitter, the default)
 */
public record ClientLimits(int attemptsMax, Duration backoffCap, Duration pollFloor,
                           int pollsPerJobMax, Duration deadline, Duration deadlineGrace,
                           Duration backoffMin) {
  public ClientLimits {
    if (attemptsMax < 1) throw new IllegalArgumentException("attemptsMax must be >= 1");
    if (pollsPerJobMax < 1) throw new IllegalArgumentException("pollsPerJobMax must be >= 1");
    Objects.requireNonNull(backoffCap, "backoffCap");
    Objects.requireNonNull(pollFloor, "pollFloor");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(deadlineGrace, "deadlineGrace");
    Objects.requireNonNull(backoffMin, "backoffMin");
    if (backoffMin.compareTo(backoffCap) > 0) {
      throw new IllegalArgumentException("backoffMin must be <= backoffCap");
    }
  }

  /** Limits of a client with full jitter: no shortest wait beyond what Retry-After asks. */
  public ClientLimits(int attemptsMax, Duration backoffCap, Duration pollFloor,
                      int pollsPerJobMax, Duration deadline, Duration deadlineGrace) {
    this(attemptsMax, backoffCap, pollFloor, pollsPerJobMax, deadline, deadlineGrace,
        Duration.ZERO);
  }

  public static ClientLimits defaults() {
    return new ClientLimits(5, Duration.ofSeconds(30), Duration.ofSeconds(2), 200,
        Duration.ofMinutes(30), Duration.ofMinutes(2));
  }

  public ClientLimits withAttemptsMax(int n) {
    return new ClientLimits(n, backoffCap, pollFloor, pollsPerJobMax, deadline, deadlineGrace,
        backoffMin);
  }

  public ClientLimits withBackoffCap(Duration d) {
    return new ClientLimits(attemptsMax, d, pollFloor, pollsPerJobMax, deadline, deadlineGrace,
        backoffMin);
  }

  public ClientLimits withBackoffMin(Duration d) {
    return new ClientLimits(attemptsMax, backoffCap, pollFloor, pollsPerJobMax, deadline,
        deadlineGrace, d);
  }

  public ClientLimits withPollFloor(Duration d) {
    return new ClientLimits(attemptsMax, backoffCap, d, pollsPerJobMax, deadline, deadlineGrace,
        backoffMin);
  }

  public ClientLimits withPollsPerJobMax(int n) {
    return new ClientLimits(attemptsMax, backoffCap, pollFloor, n, deadline, deadlineGrace,
        backoffMin);
  }

  public ClientLimits withDeadline(Duration d, Duration grace) {
    return new ClientLimits(attemptsMax, backoffCap, pollFloor, pollsPerJobMax, d, grace,
        backoffMin);
  }
}
