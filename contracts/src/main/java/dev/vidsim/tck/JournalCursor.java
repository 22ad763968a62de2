package dev.vidsim.tck;

import dev.vidsim.checker.JournalEvent;
import dev.vidsim.engine.Engine;
import java.util.ArrayList;
import java.util.List;

/** Parses only the journal lines it has not seen yet: checking after every action stays linear. */
final class JournalCursor {
  private final List<JournalEvent> events = new ArrayList<>();
  private long lastSeq;

  /** Call under the simulator's lock. */
  List<JournalEvent> read(Engine e) {
    for (String line : e.journal().lines(kind -> true)) {
      if (seqOf(line) <= lastSeq) continue;
      JournalEvent ev = JournalEvent.parse(line);
      events.add(ev);
      lastSeq = ev.seq();
    }
    return List.copyOf(events);
  }

  /** Every line starts {"seq":N, so the number is read without parsing the line. */
  private static long seqOf(String line) {
    int start = line.indexOf(':') + 1;
    int end = line.indexOf(',', start);
    return Long.parseLong(line.substring(start, end));
  }
}
