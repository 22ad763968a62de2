package dev.vidsim.checker;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * authentic_webhooks_acted_on: a correctly signed, fresh delivery that is news to the client is
 * acted on. News: the first of its webhook-id, about one of the client's jobs, before the client
 * had learnt that the job ended (from a poll or cancel answered after the job's final state, or
 * another delivery it acted on). A client that registers a webhook and then refuses every
 * delivery (a verifier that rejects good signatures, say) pays for polls it meant to save and
 * learns of outcomes late; polling to the same result hides it from every other rule.
 */
final class AuthenticWebhooksActedOn extends ClientLogCheck {
  @Override
  public String name() {
    return "authentic_webhooks_acted_on";
  }

  @Override
  public void run(Evidence e, Sink sink) {
    Set<String> clientJobs = new HashSet<>();
    e.clientLog().generations().forEach(g -> clientJobs.addAll(g.jobIds()));
    Map<String, Long> learntEnded = endedAnswers(e);
    Set<String> actedIds = new HashSet<>();
    Set<String> actedJobs = new HashSet<>();
    for (ClientLog.WebhookHandling w : e.clientLog().webhooks()) {
      if (!w.authentic()) continue;
      Long learnt = learntEnded.get(w.jobId()); // by the time the client had handled it?
      boolean news = !actedIds.contains(w.webhookId()) && !actedJobs.contains(w.jobId())
          && clientJobs.contains(w.jobId()) && (learnt == null || learnt > w.journalSeq());
      if (w.processed()) {
        actedIds.add(w.webhookId());
        actedJobs.add(w.jobId());
      } else if (news) {
        JobFacts f = e.jobFacts().get(w.jobId());
        sink.violation("webhook " + w.webhookId(), "was authentic and news to the client (job "
            + w.jobId() + " had not been seen to end) and the client did not act on it; a"
            + " verifier that refuses good signatures, or an inbox that refuses everything,"
            + " leaves the client polling for what it was told", f == null ? List.of()
            : f.lines());
      }
    }
  }

  /**
   * For each job, the journal line of the first successful poll or cancel answered after the job
   * reached a final state (in every dialect's terms: the engine's own state lines say when).
   */
  private static Map<String, Long> endedAnswers(Evidence e) {
    Map<String, Long> endedAt = new HashMap<>();
    for (JournalEvent j : e.journal()) {
      if (j.is("state") && FinalMeansFinal.FINAL.contains(j.text("to"))) {
        endedAt.putIfAbsent(j.text("job"), j.seq());
      }
    }
    Map<String, Long> learnt = new HashMap<>();
    for (Exchange x : e.exchanges()) {
      String job = x.jobInPath();
      if (job == null || !(x.isPoll() || x.isCancel()) || !x.succeeded()) continue;
      Long ended = endedAt.get(job);
      if (ended != null && ended < x.response().seq()) {
        learnt.putIfAbsent(job, x.response().seq());
      }
    }
    return learnt;
  }
}
