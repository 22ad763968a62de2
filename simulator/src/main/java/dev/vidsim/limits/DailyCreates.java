package dev.vidsim.limits;

import dev.vidsim.jobs.TenantJobs;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Jobs created per simulated UTC day: what {@code createsPerDay} caps and what a provider's
 * daily usage shows (Runway's {@code dailyGenerations}). Counted as jobs are created
 * ({@link TenantJobs}), so a deleted or forgotten job still counts.
 */
public final class DailyCreates {
  private DailyCreates() {}

  /** Midnight UTC ending the day {@code now} is in: when a daily cap lets creates in again. */
  public static Instant nextDay(Instant now) {
    return TenantJobs.dayStart(now).plus(1, ChronoUnit.DAYS);
  }

  /** All models' creates of one day ({@link dev.vidsim.jobs.TenantJobs#createdToday}). */
  public static int total(Map<String, Integer> byModel) {
    return byModel.values().stream().mapToInt(Integer::intValue).sum();
  }
}
