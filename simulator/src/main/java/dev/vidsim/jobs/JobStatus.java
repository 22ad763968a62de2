package dev.vidsim.jobs;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@code queued → in_progress → succeeded | failed | timed_out | cancelled},
 * then {@code expired}
 * when a succeeded job's content lapses; an unfinished job the provider gives up on may also end
 * {@code expired} (a fault's {@code outcome: expired}). Every other move is illegal.
 */
public enum JobStatus {
  QUEUED, IN_PROGRESS, SUCCEEDED, FAILED, TIMED_OUT, CANCELLED, EXPIRED;

  public Set<JobStatus> next() {
    return switch (this) {
      case QUEUED -> EnumSet.of(IN_PROGRESS, FAILED, TIMED_OUT, CANCELLED, EXPIRED);
      case IN_PROGRESS -> EnumSet.of(SUCCEEDED, FAILED, TIMED_OUT, CANCELLED, EXPIRED);
      case SUCCEEDED -> EnumSet.of(EXPIRED);
      case FAILED, TIMED_OUT, CANCELLED, EXPIRED -> EnumSet.noneOf(JobStatus.class);
    };
  }

  public boolean canMoveTo(JobStatus target) {
    return next().contains(target);
  }

  /** No more work will happen (expiry aside): the job's money is settled. */
  public boolean isTerminal() {
    return this != QUEUED && this != IN_PROGRESS;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static JobStatus parse(String text) {
    for (JobStatus s : values()) {
      if (s.wireName().equals(text)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown job status \"" + text + "\"");
  }
}
