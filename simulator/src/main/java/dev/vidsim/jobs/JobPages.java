package dev.vidsim.jobs;

import dev.vidsim.errors.ErrorCode;
import dev.vidsim.errors.SimException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Reading a tenant's jobs in order: list pages and queue positions. */
final class JobPages {
  static final int PAGE_SIZE_MAX = 100;
  private JobPages() {}

  /** Which jobs a list shows; a null field does not filter. */
  record Filter(String dialect, JobStatus status, String idempotencyKey) {
    boolean accepts(Job j) {
      return (dialect == null || dialect.equals(j.dialect()))
          && (status == null || j.status() == status)
          && (idempotencyKey == null || idempotencyKey.equals(j.idempotencyKey()));
    }
  }

  /** The tenant's visible jobs the filter accepts, newest first unless {@code oldestFirst}. */
  static List<Job> matching(Collection<Job> all, String tenant, Filter filter,
                            boolean oldestFirst) {
    List<Job> mine = new ArrayList<>(all.stream()
        .filter(j -> j.tenant().equals(tenant) && !j.deleted())
        .filter(filter::accepts)
        .toList());
    if (!oldestFirst) Collections.reverse(mine);
    return mine;
  }

  static List<Job> page(Collection<Job> all, String tenant, Filter filter, int limit,
                        String after, boolean oldestFirst) {
    if (limit < 1 || limit > PAGE_SIZE_MAX) {
      throw SimException.invalid("limit", "must be between 1 and " + PAGE_SIZE_MAX);
    }
    List<Job> mine = matching(all, tenant, filter, oldestFirst);
    int start = 0;
    if (after != null) {
      start = indexOf(mine, after) + 1;
      if (start == 0) throw SimException.invalid("after", "no job " + after + " in this list");
    }
    return List.copyOf(mine.subList(start, Math.min(mine.size(), start + limit)));
  }

  static boolean hasMore(Collection<Job> all, String tenant, Filter filter, List<Job> page,
                         boolean oldestFirst) {
    if (page.isEmpty()) return false;
    List<Job> mine = matching(all, tenant, filter, oldestFirst);
    return indexOf(mine, page.get(page.size() - 1).id()) < mine.size() - 1;
  }

  /** The job if it delivered a video that is still there; otherwise a not-found. */
  static Job delivered(Job job, String id) {
    if (job == null || job.deleted() || job.status() != JobStatus.SUCCEEDED) {
      throw new SimException(ErrorCode.NOT_FOUND, "no delivered video '" + id + "'"
          + (job != null && job.status() == JobStatus.EXPIRED ? ": its content expired" : ""));
    }
    return job;
  }

  private static int indexOf(List<Job> jobs, String id) {
    for (int i = 0; i < jobs.size(); i++) if (jobs.get(i).id().equals(id)) return i;
    return -1;
  }
}
