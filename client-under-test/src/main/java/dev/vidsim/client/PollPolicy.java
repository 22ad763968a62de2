package dev.vidsim.client;

import java.time.Duration;

/** How often and how many times a job's status is polled. Default: {@link GrowingPollPolicy}. */
public interface PollPolicy {
  /** Status polls of one job, at most. */
  int pollsMax();

  /**
   * The wait before poll number {@code poll} (1 for the first).
   *
   * @param webhooksExpected a webhook receiver is configured: polling is only the safety net
   */
  Duration interval(int poll, boolean webhooksExpected);

  static PollPolicy standard() {
    return new GrowingPollPolicy(Duration.ofSeconds(5), 150, Duration.ofMinutes(1), 120,
        Duration.ofMinutes(2));
  }
}
