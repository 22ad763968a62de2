package dev.vidsim.client;

import dev.vidsim.client.cost.CostLedger;
import dev.vidsim.client.webhook.WebhookInbox;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Waits for a job's outcome: from the webhook inbox when one is configured, else by polling at
 * the policy's growing intervals, never past the poll limit or the job's deadline. At the deadline
 * it polls once (unless it just did) and, if the job is still running, cancels it (or flags it
 * when cancel is off or unsupported) and reports it stuck.
 */
final class Poller {
  private final ClientOptions options;
  private final Api api;
  private final CostLedger ledger;
  /** When each job was last polled, so no poll comes sooner than the policy's first interval. */
  private final Map<String, Instant> lastPolled = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
      return size() > LAST_POLLED_MAX;
    }
  };
  private static final int LAST_POLLED_MAX = 10_000;

  Poller(ClientOptions options, Api api, CostLedger ledger) {
    this.options = options;
    this.api = api;
    this.ledger = ledger;
  }

  GenerationResult await(Submission sub) {
    WebhookInbox inbox = options.webhookInbox();
    VideoJob job = sub.job();
    String source = sub.resumed() ? "lookup" : "create";
    // an outcome learnt since the submission (a poll, a cancel) is final: no waiting; a
    // webhook's is read from the inbox first thing below
    Optional<VideoJob> seen = seenFinal(job.id());
    if (seen.isPresent()) {
      job = seen.get();
      source = "known";
    }
    int polls = 0;
    // Each pass polls, sleeps to the deadline or sees an outcome; a clock that does not move
    // would spin, so the passes are bounded too.
    long passesMax = 2L * options.pollPolicy().pollsMax() + 4;
    for (long pass = 0; !job.isTerminal(); pass++) {
      if (pass > passesMax) return stuck(sub, job, polls);
      Optional<VideoJob> told = inbox == null ? Optional.empty() : inbox.outcome(job.id());
      if (told.isPresent()) {
        job = told.get();
        source = "webhook";
        ledger.recordSeen(job);
        break;
      }
      Instant now = options.clock().now();
      if (!now.isBefore(sub.deadline()) || polls >= options.pollPolicy().pollsMax()) {
        if (polls > 0 || !mayPollNow(job.id())) return stuck(sub, job, polls);
        // the deadline passed before any poll (e.g. a resume after it): look before cancelling
        polls++;
        job = pollOnce(job, Duration.ZERO);
        source = "poll";
        if (!job.isTerminal()) return stuck(sub, job, polls);
        break;
      }
      // only a job created with a webhook URL can expect one; others poll at the normal pace
      Duration wait = options.pollPolicy().interval(polls + 1, inbox != null && sub.webhook());
      Duration left = Duration.between(now, sub.deadline());
      if (wait.compareTo(left) >= 0) {
        sleepWatching(left, job.id());
        continue;
      }
      if (sleepWatching(wait, job.id())) continue;
      polls++;
      job = pollOnce(job, wait);
      source = "poll";
    }
    return result(sub, job, polls, source, false, false);
  }

  /** One status poll; a transient failure (retries exhausted) keeps the last known state. */
  private VideoJob pollOnce(VideoJob job, Duration waited) {
    try {
      return poll(job.id(), waited);
    } catch (ApiException e) {
      if (e.status() == 0 || e.status() == 429 || e.status() >= 500) return job;
      throw e;
    }
  }

  /**
   * The job's final state when the client already knows it (from a poll, a cancel, a lookup or
   * a verified webhook): a final job is never polled or waited for again.
   */
  Optional<VideoJob> knownFinal(String jobId) {
    Optional<VideoJob> seen = seenFinal(jobId);
    if (seen.isPresent()) return seen;
    WebhookInbox inbox = options.webhookInbox();
    Optional<VideoJob> told = inbox == null ? Optional.empty() : inbox.outcome(jobId);
    told.ifPresent(ledger::recordSeen);
    return told;
  }

  private Optional<VideoJob> seenFinal(String jobId) {
    return ledger.line(jobId).map(l -> l.lastSeen()).filter(j -> j != null && j.isTerminal());
  }

  /** One status poll, charged and recorded; failures are the caller's. */
  VideoJob poll(String jobId, Duration waited) {
    try {
      VideoJob now = api.get(jobId, pollFee(jobId), waited);
      ledger.recordPoll(now);
      if (options.webhookInbox() != null) options.webhookInbox().observe(now);
      return now;
    } finally {
      // when its last attempt went out, not its first: a poll retried through a 429 burst
      // must not let the next one follow at once
      synchronized (lastPolled) {
        lastPolled.put(jobId, options.clock().now());
      }
    }
  }

  private boolean mayPollNow(String jobId) {
    Instant last;
    synchronized (lastPolled) {
      last = lastPolled.get(jobId);
    }
    return last == null || Duration.between(last, options.clock().now())
        .compareTo(options.pollPolicy().interval(1, false)) >= 0;
  }

  private Amount pollFee(String jobId) {
    return ledger.line(jobId).map(l -> l.quote().pollFee()).orElse(Amount.ZERO);
  }

  /** Sleeps, looking at the inbox every check interval; true when an outcome arrived. */
  private boolean sleepWatching(Duration total, String jobId) {
    WebhookInbox inbox = options.webhookInbox();
    if (inbox == null) {
      options.clock().sleep(total);
      return false;
    }
    Duration left = total;
    while (left.compareTo(Duration.ZERO) > 0) {
      Duration step = left.compareTo(options.webhookCheckInterval()) < 0 ? left
          : options.webhookCheckInterval();
      options.clock().sleep(step);
      left = left.minus(step);
      if (inbox.outcome(jobId).isPresent()) return true;
    }
    return false;
  }

  /** The deadline passed (or the polls ran out) with the job unfinished. */
  private GenerationResult stuck(Submission sub, VideoJob job, int polls) {
    if (!options.cancelOnDeadline()) return result(sub, job, polls, "deadline", true, false);
    try {
      VideoJob cancelled = api.cancel(job.id());
      ledger.recordSeen(cancelled);
      if (options.webhookInbox() != null) options.webhookInbox().observe(cancelled);
      return result(sub, cancelled, polls, "cancel", true, true);
    } catch (ApiException e) {
      // Not cancellable any more: it ended on its own meanwhile. Its state decides: from a
      // webhook that came while the cancel was retried, else from one poll.
      Optional<VideoJob> known = e.status() == 409 ? knownFinal(job.id()) : Optional.empty();
      if (known.isPresent()) return result(sub, known.get(), polls, "known", false, false);
      if (e.status() == 409 && mayPollNow(job.id())) {
        VideoJob now = pollOnce(job, Duration.ZERO);
        if (now.isTerminal()) return result(sub, now, polls + 1, "poll", false, false);
      }
      return result(sub, job, polls, "deadline", true, false);
    }
  }

  private GenerationResult result(Submission sub, VideoJob job, int polls, String source,
                                  boolean stuck, boolean cancelled) {
    Amount expected = ledger.line(job.id()).map(l -> l.expected()).orElse(Amount.ZERO);
    return new GenerationResult(sub, job, expected, polls, source, stuck, cancelled);
  }
}
