package dev.vidsim.jobs;

/** A job was asked to move somewhere its state machine forbids. */
public final class IllegalTransitionException extends IllegalStateException {
  private final JobStatus from;
  private final JobStatus to;

  public IllegalTransitionException(String jobId, JobStatus from, JobStatus to) {
    super("job " + jobId + " cannot move from " + from.wireName() + " to " + to.wireName()
        + "; allowed: " + from.next());
    this.from = from;
    this.to = to;
  }

  public JobStatus from() {
    return from;
  }

  public JobStatus to() {
    return to;
  }
}
