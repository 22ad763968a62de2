package dev.vidsim.client;

import java.time.Duration;

/**
 * Polls no sooner than {@code floor}, each wait {@code growthPercent} % of the previous one, up
 * to {@code intervalMax}. With a webhook receiver, waits at least {@code webhookInterval}: the
 * webhook is expected to report first and polling is only the fallback.
 */
public class GrowingPollPolicy implements PollPolicy {
  private final Duration floor;
  private final int growthPercent;
  private final Duration intervalMax;
  private final int pollsMax;
  private final Duration webhookInterval;

  public GrowingPollPolicy(Duration floor, int growthPercent, Duration intervalMax, int pollsMax,
                           Duration webhookInterval) {
    if (floor.isNegative() || floor.isZero()) {
      throw new IllegalArgumentException("floor must be > 0");
    }
    if (growthPercent < 100) throw new IllegalArgumentException("growthPercent must be >= 100");
    if (intervalMax.compareTo(floor) < 0) {
      throw new IllegalArgumentException("intervalMax must be >= floor");
    }
    if (pollsMax < 1) throw new IllegalArgumentException("pollsMax must be >= 1");
    this.floor = floor;
    this.growthPercent = growthPercent;
    this.intervalMax = intervalMax;
    this.pollsMax = pollsMax;
    this.webhookInterval = webhookInterval;
  }

  public Duration floor() {
    return floor;
  }

  @Override
  public int pollsMax() {
    return pollsMax;
  }

  @Override
  public Duration interval(int poll, boolean webhooksExpected) {
    if (poll < 1) throw new IllegalArgumentException("polls are numbered from 1, got " + poll);
    long millis = floor.toMillis();
    for (int i = 1; i < poll && millis < intervalMax.toMillis(); i++) {
      millis = millis * growthPercent / 100;
    }
    Duration d = Duration.ofMillis(Math.min(millis, intervalMax.toMillis()));
    if (webhooksExpected && webhookInterval.compareTo(d) > 0) return webhookInterval;
    return d;
  }
}
