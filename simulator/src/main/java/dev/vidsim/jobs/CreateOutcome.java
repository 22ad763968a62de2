package dev.vidsim.jobs;

import dev.vidsim.errors.SimException;

/** The first response to a create: what an Idempotency-Key replays. Exactly one field is set. */
public record CreateOutcome(JobView job, SimException error) {
  public JobView orThrow() {
    if (error != null) throw error;
    return job;
  }
}
