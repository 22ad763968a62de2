package dev.vidsim.client;

import dev.vidsim.client.catalog.ModelChoice;

/**
 * How a generation ended, with the evidence a user needs to trust the bill.
 *
 * @param job            the last known state of the job
 * @param expectedCost   what the client's own ledger says this job cost
 * @param polls          status polls made for it
 * @param source         where the final state came from: create, poll, webhook, cancel, known
 *                       (learnt before the wait)
 * @param stuck          the client's deadline passed (or polls ran out) before the job ended
 * @param cancelledByClient the client cancelled it at the deadline
 */
public record GenerationResult(Submission submission, VideoJob job, Amount expectedCost,
                               int polls, String source, boolean stuck,
                               boolean cancelledByClient) {
  public String jobId() {
    return job.id();
  }

  public String status() {
    return job.status();
  }

  public boolean succeeded() {
    return job.isSucceeded();
  }

  public ModelChoice choice() {
    return submission.choice();
  }

  public boolean fellBack() {
    return choice() != null && choice().fellBack();
  }

  /** Chosen minus preferred model's quote; null without a preference. */
  public Amount priceDifference() {
    return choice() == null ? null : choice().priceDifference();
  }

  @Override
  public String toString() {
    return "job " + job.id() + " " + job.status() + (stuck ? " (stuck" + (cancelledByClient
        ? ", cancelled by the client)" : ", flagged)") : "") + " model=" + job.model()
        + (fellBack() ? " (fallback from " + choice().preferred() + ", price difference "
        + priceDifference() + ")" : "") + " expectedCost=" + expectedCost
        + " charged=" + job.charged() + " polls=" + polls + " via " + source;
  }
}
