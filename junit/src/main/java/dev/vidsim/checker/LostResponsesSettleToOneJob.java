package dev.vidsim.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * lost_responses_settle_to_one_job: when a create was charged but its response was lost (a 5xx or
 * a dropped connection after the job was created), the client's later attempts must end in that
 * same job: a retry with the same Idempotency-Key replays it, a retry without one is a second
 * charge. With a client log, every logical generation holds at most one job, and the one whose
 * response was lost holds exactly the job that was created.
 */
final class LostResponsesSettleToOneJob implements Check {
  @Override
  public boolean pairsRequests() {
    return true;
  }

  @Override
  public String name() {
    return "lost_responses_settle_to_one_job";
  }

  @Override
  public String missing(Evidence e) {
    return e.journal().isEmpty() ? "no journal" : null;
  }

  @Override
  public void run(Evidence e, Sink sink) {
    List<Exchange> all = e.exchanges();
    for (int i = 0; i < all.size(); i++) {
      Exchange lost = all.get(i);
      if (!isLost(lost)) continue;
      String job = lost.createdJobs().get(0);
      if (lost.idempotencyKey() == null) {
        retriedWithoutKey(all.subList(i + 1, all.size()), lost, job, sink);
      }
      if (e.clientLog() != null && e.clientLog().isSettled()) adopted(e, lost, job, sink);
    }
    if (e.clientLog() != null) {
      oneJobPerGeneration(e, sink);
      if (e.clientLog().isSettled()) noOrphans(e, sink);
    }
  }

  /** A create that made a job but whose caller never saw a success. */
  static boolean isLost(Exchange x) {
    return x.isCreate() && !x.createdJobs().isEmpty() && !x.succeeded();
  }

  private static void retriedWithoutKey(List<Exchange> later, Exchange lost, String job,
                                        Sink sink) {
    for (Exchange x : later) {
      if (x.isCreate() && Objects.equals(x.tenant(), lost.tenant())
          && x.idempotencyKey() == null && x.sameContentAs(lost)
          && !x.createdJobs().isEmpty()) {
        sink.violation("job " + job, "its create response was lost (" + lost + ") and the "
            + "same request was sent again without an Idempotency-Key, creating "
            + x.createdJobs() + ": two charges for one generation", List.of(),
            List.of(lost.request(), lost.response() == null ? lost.request() : lost.response(),
                x.request()));
        return;
      }
    }
  }

  private static void adopted(Evidence e, Exchange lost, String job, Sink sink) {
    for (ClientLog.Generation g : e.clientLog().generations()) {
      boolean sameKey = lost.idempotencyKey() != null
          && lost.idempotencyKey().equals(g.idempotencyKey())
          && Objects.equals(lost.tenant(), g.tenant());
      if (sameKey && !g.jobIds().equals(List.of(job))) {
        sink.violation("job " + job, "its create response was lost; generation " + g.id()
            + " should have settled to exactly this job but holds " + g.jobIds(),
            e.jobFacts().containsKey(job) ? e.jobFacts().get(job).lines() : List.of(),
            List.of(lost.request()));
      }
    }
  }

  /** Every job of a tenant the client reports on belongs to one of its generations. */
  private static void noOrphans(Evidence e, Sink sink) {
    java.util.Set<String> tenants = new java.util.HashSet<>();
    java.util.Set<String> claimed = new java.util.HashSet<>();
    for (ClientLog.Generation g : e.clientLog().generations()) {
      tenants.add(g.tenant());
      claimed.addAll(g.jobIds());
    }
    for (JobFacts j : e.jobFacts().values()) {
      if (j.created() != null && tenants.contains(j.tenant()) && !claimed.contains(j.id())) {
        sink.violation("job " + j.id(), "was created and charged but no generation of the "
            + "client holds it: the client lost track of a job it paid for", j.lines(),
            List.of(j.created()));
      }
    }
  }

  private static void oneJobPerGeneration(Evidence e, Sink sink) {
    for (ClientLog.Generation g : e.clientLog().generations()) {
      if (g.jobIds().size() <= 1) continue;
      List<LedgerLine> lines = new ArrayList<>();
      g.jobIds().forEach(id -> {
        JobFacts f = e.jobFacts().get(id);
        if (f != null) lines.addAll(f.lines());
      });
      sink.violation("generation " + g.id(), "ended with " + g.jobIds().size() + " jobs "
          + g.jobIds() + " for one intent", lines);
    }
  }
}
