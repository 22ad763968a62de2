package dev.vidsim.jobs;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Per tenant, kept as jobs are added and end: its unfinished jobs, and its creates per model on
 * the simulated UTC day of its latest create. The limits read these on every create; counting
 * them from every job held (100,000 by default) made each create cost a scan of the store. A
 * create counts for its day even after its job is forgotten or deleted.
 */
public final class TenantJobs {
  private final Map<String, Set<Job>> unfinished = new HashMap<>();
  private final Map<String, Day> days = new HashMap<>();

  /** One tenant's creates per model on one day. */
  private record Day(Instant start, Map<String, Integer> byModel) {}

  /** Midnight UTC starting the day {@code at} is in. */
  public static Instant dayStart(Instant at) {
    return at.truncatedTo(ChronoUnit.DAYS);
  }

  void created(Job job) {
    unfinished.computeIfAbsent(job.tenant(), k -> new LinkedHashSet<>()).add(job);
    Instant start = dayStart(job.createdAt());
    Day day = days.get(job.tenant());
    if (day == null || start.isAfter(day.start())) {
      day = new Day(start, new TreeMap<>());
      days.put(job.tenant(), day);
    }
    if (start.equals(day.start())) day.byModel().merge(job.model(), 1, Integer::sum);
  }

  void ended(Job job) {
    Set<Job> open = unfinished.get(job.tenant());
    if (open != null && open.remove(job) && open.isEmpty()) unfinished.remove(job.tenant());
  }

  /** The tenant's jobs not yet in a final status, oldest first. */
  public Collection<Job> unfinished(String tenant) {
    Set<Job> open = unfinished.get(tenant);
    return open == null ? List.of() : Collections.unmodifiableSet(open);
  }

  /** The tenant's creates since midnight UTC before {@code now}, by model, in model order. */
  public Map<String, Integer> createdToday(String tenant, Instant now) {
    Day day = days.get(tenant);
    return day == null || !day.start().equals(dayStart(now)) ? Map.of()
        : Collections.unmodifiableMap(day.byModel());
  }
}
