package dev.vidsim.tck.internal;

import dev.vidsim.checker.ExchangeTracker;
import dev.vidsim.checker.JournalEvent;
import dev.vidsim.engine.Engine;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses only the journal lines it has not seen yet and pairs only the new exchanges: checking
 * after every action stays linear in the journal's length.
 */
final class JournalCursor {
  private final List<JournalEvent> events = new ArrayList<>();
  private final ExchangeTracker exchanges = new ExchangeTracker();
  private long lastSeq;

  /** Call under the simulator's lock. */
  List<JournalEvent> read(Engine e) {
    long dropped = e.journal().dropped();
    List<String> lines = e.journal().lines(kind -> true);
    // line i holds seq dropped + 1 + i: start at the first unseen one (seq is checked anyway)
    int from = (int) Math.max(0, Math.min(lines.size(), lastSeq - dropped));
    List<JournalEvent> fresh = new ArrayList<>();
    for (int i = from; i < lines.size(); i++) {
      String line = lines.get(i);
      if (seqOf(line) <= lastSeq) continue;
      JournalEvent ev = JournalEvent.parse(line);
      fresh.add(ev);
      lastSeq = ev.seq();
    }
    events.addAll(fresh);
    exchanges.add(fresh);
    return List.copyOf(events);
  }

  /** The exchanges of every event {@link #read} returned. */
  ExchangeTracker exchanges() {
    return exchanges;
  }

  /** Every line starts {"seq":N, so the number is read without parsing the line. */
  private static long seqOf(String line) {
    int start = line.indexOf(':') + 1;
    int end = line.indexOf(',', start);
    return Long.parseLong(line.substring(start, end));
  }
}
