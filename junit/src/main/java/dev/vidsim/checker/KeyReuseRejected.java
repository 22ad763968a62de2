package dev.vidsim.checker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * key_reuse_with_other_body_rejected: once a create with an Idempotency-Key has been accepted (or
 * refused for money), the same key with another body gets 422 (or a validation error) and neither
 * a job nor a charge, until the key expires.
 */
final class KeyReuseRejected implements Check {
  /** Statuses that mean the request failed validation before the key was looked at. */
  private static final Set<Integer> VALIDATION = Set.of(400, 401, 403, 404);

  @Override
  public boolean pairsRequests() {
    return true;
  }

  @Override
  public String name() {
    return "key_reuse_with_other_body_rejected";
  }

  @Override
  public String missing(Evidence e) {
    return e.journal().isEmpty() ? "no journal" : null;
  }

  @Override
  public void run(Evidence e, Sink sink) {
    Map<String, Exchange> first = new HashMap<>();
    List<JournalEvent> expiries = e.journal().stream()
        .filter(ev -> ev.is("idempotency_key_expired")).toList();
    int next = 0;
    for (Exchange x : e.exchanges()) {
      while (next < expiries.size() && expiries.get(next).seq() < x.request().seq()) {
        JournalEvent ev = expiries.get(next++);
        first.remove(ev.text("tenant") + "\u0000" + ev.text("idempotencyKey"));
      }
      if (!x.isCreate() || x.idempotencyKey() == null) continue;
      String id = x.tenant() + "\u0000" + x.idempotencyKey();
      Exchange original = first.get(id);
      if (original == null) {
        if (remembered(x)) first.put(id, x);
      } else if (!original.sameContentAs(x)) {
        checkRejected(original, x, sink);
      }
    }
  }

  private static boolean remembered(Exchange x) {
    return x.succeeded() || x.status() == 402 || !x.createdJobs().isEmpty();
  }

  private static void checkRejected(Exchange original, Exchange reuse, Sink sink) {
    List<JournalEvent> evidence = List.of(original.request(), reuse.request());
    String subject = "key " + reuse.idempotencyKey();
    if (!reuse.createdJobs().isEmpty() || !reuse.ledgerEvents().isEmpty()) {
      sink.violation(subject, "reused with another body and it created or charged "
          + reuse.createdJobs() + " (" + reuse + ")", List.of(), concat(evidence, reuse.inside()));
    } else if (reuse.status() != 422 && !VALIDATION.contains(reuse.status())
        && reuse.status() != 409) {
      sink.violation(subject, "reused with another body and answered " + reuse.status()
          + ", expected 422 (" + reuse + ")", List.of(), evidence);
    }
  }

  private static List<JournalEvent> concat(List<JournalEvent> a, List<JournalEvent> b) {
    java.util.ArrayList<JournalEvent> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
