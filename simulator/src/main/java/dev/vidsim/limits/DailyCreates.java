package dev.vidsim.limits;

import dev.vidsim.jobs.Job;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Jobs created per simulated UTC day: what {@code createsPerDay} caps and what a provider's
 * daily usage shows (Runway's {@code dailyGenerations}). Counted from the jobs themselves, so a
 * deleted job still counts and nothing else needs remembering.
 */
public final class DailyCreates {
  private DailyCreates() {}

  /** Midnight UTC starting the day {@code now} is in. */
  public static Instant dayStart(Instant now) {
    return now.truncatedTo(ChronoUnit.DAYS);
  }

  /** Midnight UTC ending the day {@code now} is in: when a daily cap lets creates in again. */
  public static Instant nextDay(Instant now) {
    return dayStart(now).plus(1, ChronoUnit.DAYS);
  }

  /** The tenant's jobs created since midnight, by model, in model order. */
  public static Map<String, Integer> byModel(Collection<Job> jobs, String tenant, Instant now) {
    Instant since = dayStart(now);
    Map<String, Integer> out = new TreeMap<>();
    for (Job j : jobs) {
      if (j.tenant().equals(tenant) && !j.createdAt().isBefore(since)) {
        out.merge(j.model(), 1, Integer::sum);
      }
    }
    return out;
  }

  /** The tenant's jobs created since midnight, all models. */
  public static int total(Collection<Job> jobs, String tenant, Instant now) {
    return byModel(jobs, tenant, now).values().stream().mapToInt(Integer::intValue).sum();
  }
}
