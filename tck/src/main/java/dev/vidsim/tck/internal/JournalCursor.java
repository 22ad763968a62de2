package dev.vidsim.tck.internal;

import dev.vidsim.checker.ExchangeTracker;
import dev.vidsim.checker.JournalEvent;
import dev.vidsim.engine.Engine;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses only the journal lines it has not seen yet and pairs only the new exchanges: checking
 * after every action stays linear in the journal's length. Fetching (under the simulator's lock)
 * and parsing are apart, so the parsing can run off the thread that drives the client.
 */
final class JournalCursor {
  private final List<JournalEvent> events = new ArrayList<>();
  private final ExchangeTracker exchanges = new ExchangeTracker();
  private long fetchedSeq;

  /**
   * The raw lines after the last one fetched. Call under the simulator's lock; the parsing is
   * left to {@link #parse}, which may run later on another thread.
   */
  List<String> fetch(Engine e) {
    List<String> fresh = new ArrayList<>();
    for (String line : e.journal().lines(fetchedSeq, kind -> true)) {
      long seq = seqOf(line);
      if (seq <= fetchedSeq) continue;
      fresh.add(line);
      fetchedSeq = seq;
    }
    return fresh;
  }

  /**
   * Parses lines {@link #fetch} returned (in the order fetched) and pairs their exchanges.
   *
   * @return every event parsed so far (the list grows with the next call)
   */
  List<JournalEvent> parse(List<String> lines) {
    List<JournalEvent> fresh = new ArrayList<>(lines.size());
    for (String line : lines) fresh.add(JournalEvent.parse(line));
    events.addAll(fresh);
    exchanges.add(fresh);
    return events;
  }

  /** The exchanges of every event {@link #parse} returned. */
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
