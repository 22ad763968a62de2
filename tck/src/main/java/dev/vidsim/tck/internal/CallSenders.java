package dev.vidsim.tck.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.checker.ClientLog;
import dev.vidsim.journal.Journal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names the client call that sent each request, for the retry rules: when two threads of the
 * user's app call at once, their interleaved retries must be judged as two calls', never as
 * one. The simulator cannot see the client's threads, so a request is credited to the one call
 * that can have sent it: in a call, not sleeping on the clock, not blocked on a request of its
 * own still unanswered (a client waits for one answer before it sends again). When more than
 * one call could have sent it, it is recorded as sent by an unknown call and judged with none.
 * Only ever crediting the single possible sender keeps verdicts independent of thread timing.
 */
final class CallSenders {
  private final ClientLog log;
  private final Map<Thread, Call> calls = new ConcurrentHashMap<>();

  /** One thread's call: where it started, and what it is doing now. */
  private static final class Call {
    final long startSeq;
    volatile boolean sleeping;
    /** The request it waits on the answer of; -1 when none. */
    volatile long waitingOn = -1;

    Call(long startSeq) {
      this.startSeq = startSeq;
    }
  }

  CallSenders(ClientLog log) {
    this.log = log;
  }

  /** The current thread starts a client call after journal line {@code startSeq}. */
  void started(long startSeq) {
    log.callStarted(startSeq);
    calls.put(Thread.currentThread(), new Call(startSeq));
  }

  void ended() {
    calls.remove(Thread.currentThread());
  }

  /** The current thread sleeps on the simulated clock (or wakes): it sends nothing meanwhile. */
  void sleeping(boolean asleep) {
    Call c = calls.get(Thread.currentThread());
    if (c != null) c.sleeping = asleep;
  }

  /** Journal watcher (under the simulator's lock, on the thread answering the request). */
  void line(Journal journal, String kind, ObjectNode body) {
    if (calls.isEmpty()) return;
    if (kind.equals("request")) {
      sent(journal.lastSeq());
    } else if (kind.equals("response") || kind.equals("connection_dropped")) {
      Long answered = Journal.answeringNow();
      if (answered == null) return;
      for (Call c : calls.values()) if (c.waitingOn == answered) c.waitingOn = -1;
    }
  }

  private void sent(long requestSeq) {
    java.util.List<Call> now = java.util.List.copyOf(calls.values());
    if (now.isEmpty()) return;
    // a lone call sent it, even when it gave up on an answer that is still to come
    Call sender = now.size() == 1 ? now.get(0) : null;
    int possible = now.size() == 1 ? 1 : 0;
    for (Call c : now.size() == 1 ? java.util.List.<Call>of() : now) {
      if (c.sleeping || c.waitingOn >= 0) continue;
      sender = c;
      possible++;
    }
    if (possible == 1) {
      sender.waitingOn = requestSeq;
      log.sentBy(requestSeq, sender.startSeq);
    } else {
      log.sentBy(requestSeq, ClientLog.CALL_UNKNOWN);
    }
  }
}
