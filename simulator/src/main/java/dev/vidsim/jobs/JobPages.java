package dev.vidsim.jobs;

import dev.vidsim.errors.SimException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** Pages through one tenant's jobs, newest first (or oldest first), bounded per page. */
final class JobPages {
  private JobPages() {}

  static Jobs.JobPage page(Collection<Job> all, String tenant, String status,
                           String idempotencyKey, int limit, String after, boolean oldestFirst,
                           Function<Job, JobView> view) {
    if (limit < 1 || limit > Jobs.PAGE_SIZE_MAX) {
      throw SimException.invalid("limit", "must be between 1 and " + Jobs.PAGE_SIZE_MAX);
    }
    JobStatus wanted = status == null ? null : CreateValidation.status(status);
    List<Job> mine = new ArrayList<>(all.stream()
        .filter(j -> j.tenant().equals(tenant) && !j.deleted())
        .filter(j -> wanted == null || j.status() == wanted)
        .filter(j -> idempotencyKey == null || idempotencyKey.equals(j.idempotencyKey()))
        .toList());
    if (!oldestFirst) Collections.reverse(mine);
    int start = 0;
    if (after != null) {
      start = indexOf(mine, after) + 1;
      if (start == 0) throw SimException.invalid("after", "no job " + after + " in this list");
    }
    List<Job> page = mine.subList(start, Math.min(mine.size(), start + limit));
    return new Jobs.JobPage(page.stream().map(view).toList(),
        start + page.size() < mine.size());
  }

  private static int indexOf(List<Job> jobs, String id) {
    for (int i = 0; i < jobs.size(); i++) if (jobs.get(i).id().equals(id)) return i;
    return -1;
  }
}
