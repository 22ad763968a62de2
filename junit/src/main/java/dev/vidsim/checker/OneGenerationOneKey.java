package dev.vidsim.checker;

import java.util.List;
import java.util.Objects;

/**
 * one_generation_one_key: every job a generation ends up holding was created with that
 * generation's idempotency key (unless the client itself reports it as a known duplicate). A
 * client that retries a create under a fresh key, after a 409, a timeout or a 5xx, holds a job
 * its key cannot find again, and has paid twice whenever the first attempt had made a job.
 */
final class OneGenerationOneKey extends ClientLogCheck {
  @Override
  public String name() {
    return "one_generation_one_key";
  }

  @Override
  public void run(Evidence e, Sink sink) {
    for (ClientLog.Generation g : e.clientLog().generations()) {
      // a client that sends no keys at all answers to creates_use_idempotency_key
      if (g.idempotencyKey() == null) continue;
      for (String job : g.jobIds()) {
        JobFacts f = e.jobFacts().get(job);
        if (f == null || f.snapshot() == null || g.knownDuplicates().contains(job)) continue;
        String key = f.snapshot().idempotencyKey();
        if (!Objects.equals(key, g.idempotencyKey())) {
          sink.violation("generation " + g.id(), "holds job " + job + ", created with key "
              + key + ", but the generation's key is " + g.idempotencyKey()
              + ": a create was sent again under another key", f.lines(),
              f.created() == null ? List.of() : List.of(f.created()));
        }
      }
    }
  }
}
