package dev.vidsim.checker;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * final_means_final: once the client has been told a job ended (a status poll or a cancel
 * answered with a final status, or a verified webhook it acted on), it never polls that job
 * again and never waits for it (a wait on its generation that sends nothing else, a lookup to
 * retry say, sleeps no simulated time). A retry of
 * a poll already under way when the news came is not a new poll; a restart (memory lost) starts
 * over.
 */
final class FinalMeansFinal extends ClientCheck {
  static final Set<String> FINAL = Set.of("succeeded", "failed", "timed_out", "cancelled",
      "expired");

  @Override
  public String name() {
    return "final_means_final";
  }

  /** When and how the client learnt that a job ended. */
  private record Told(long seq, Instant at, String how, JournalEvent event) {}

  @Override
  public void run(Evidence e, Sink sink) {
    List<Instant> restarts = e.clientLog() == null ? List.of() : e.clientLog().restarts();
    Map<String, Told> told = webhooksActedOn(e);
    Map<String, Exchange> lastPoll = new HashMap<>();
    Set<String> reported = new HashSet<>();
    for (Exchange x : e.exchanges()) {
      String job = x.jobInPath();
      if (job == null || !(x.isPoll() || x.isCancel())) continue;
      Told t = told.get(job);
      Exchange previous = x.isPoll() ? lastPoll.put(job, x) : null;
      boolean retry = previous != null && previous.retryableFailure();
      if (x.isPoll() && t != null && t.seq() < x.request().seq() && !retry
          && !restartedBetween(restarts, t.at(), x.at()) && reported.add(job)) {
        sink.violation("job " + job, "polled again at " + x.at() + " after the client was told"
            + " it had ended (" + t.how() + ")", List.of(), List.of(t.event(), x.request()));
      }
      String status = x.succeeded() ? Js.text(x.responseBody(), "status") : null;
      if (status != null && FINAL.contains(status) && !told.containsKey(job)) {
        told.put(job, new Told(x.response().seq(), x.response().at(),
            (x.isPoll() ? "a poll" : "a cancel") + " answered " + status, x.response()));
      }
    }
    if (e.clientLog() != null) waits(e, told, restarts, sink);
  }

  /** Authentic deliveries the client acted on: every vidsim webhook reports a final status. */
  private static Map<String, Told> webhooksActedOn(Evidence e) {
    Map<String, Told> told = new HashMap<>();
    if (e.clientLog() == null) return told;
    Set<String> acted = new HashSet<>();
    e.clientLog().webhooks().stream().filter(w -> w.authentic() && w.processed())
        .forEach(w -> acted.add(w.webhookId()));
    for (JournalEvent j : e.journal()) {
      if (j.is("webhook_attempt") && acted.contains(j.text("event"))) {
        told.putIfAbsent(j.text("job"), new Told(j.seq(), j.at(),
            "a verified webhook " + j.text("event"), j));
      }
    }
    return told;
  }

  private static void waits(Evidence e, Map<String, Told> told, List<Instant> restarts,
                            Sink sink) {
    Map<String, List<String>> jobsOf = new HashMap<>();
    e.clientLog().generations().forEach(g -> jobsOf.put(g.id(), g.jobIds()));
    for (ClientLog.Await a : e.clientLog().awaits()) {
      if (a.slept().isZero() || sentOtherThanPolls(e, a)) continue;
      for (String job : jobsOf.getOrDefault(a.generationId(), List.of())) {
        Told t = told.get(job);
        if (t == null || t.seq() > a.journalSeq()
            || restartedBetween(restarts, t.at(), a.at())) {
          continue;
        }
        sink.violation("job " + job, "generation " + a.generationId() + " was awaited for "
            + a.slept().toMillis() + " ms of simulated time after the client was told its job"
            + " had ended (" + t.how() + ")", List.of(), List.of(t.event()));
      }
    }
  }

  /** Whether the wait sent anything but status polls: its sleeps may be that request's backoff. */
  private static boolean sentOtherThanPolls(Evidence e, ClientLog.Await a) {
    return e.exchanges().stream().anyMatch(x -> x.request().seq() > a.journalSeq()
        && x.request().seq() <= a.endSeq() && !x.isPoll());
  }

  private static boolean restartedBetween(List<Instant> restarts, Instant a, Instant b) {
    return restarts.stream().anyMatch(r -> !r.isBefore(a) && !r.isAfter(b));
  }
}
