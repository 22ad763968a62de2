package dev.vidsim.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * Everything that happened, in order, as JSON lines with simulated timestamps. Bounded by count
 * and age: the oldest lines go first and {@link #dropped()} says how many. The ledger keeps its
 * own lines forever, so eviction here never loses money.
 */
public final class Journal {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Deque<Line> lines = new ArrayDeque<>();
  private final int maxEntries;
  private final Duration maxAge;
  private final InstantSource clock;
  private long seq;
  private long dropped;

  private record Line(Instant at, String kind, String json) {}

  public Journal(int maxEntries, Duration maxAge, InstantSource clock) {
    if (maxEntries < 1) throw new IllegalArgumentException("maxEntries must be >= 1");
    this.maxEntries = maxEntries;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  public static ObjectNode fields() {
    return JSON.createObjectNode();
  }

  /** Appends one line; {@code seq}, {@code t} and {@code kind} lead every line. */
  public synchronized void append(String kind, ObjectNode body) {
    Instant now = clock.instant();
    ObjectNode line = JSON.createObjectNode();
    line.put("seq", ++seq);
    line.put("t", now.toString());
    line.put("kind", kind);
    line.setAll(body);
    try {
      lines.addLast(new Line(now, kind, JSON.writeValueAsString(line)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("journal line not serialisable", e);
    }
    evict(now);
  }

  private void evict(Instant now) {
    Instant oldest = now.minus(maxAge);
    while (lines.size() > maxEntries || (!lines.isEmpty() && lines.peekFirst().at().isBefore(oldest))) {
      lines.removeFirst();
      dropped++;
    }
  }

  public synchronized List<String> lines(Predicate<String> kindFilter) {
    List<String> out = new ArrayList<>(lines.size());
    for (Line l : lines) {
      if (kindFilter.test(l.kind())) out.add(l.json());
    }
    return out;
  }

  /** The whole retained journal as JSONL, one line per event, newline-terminated. */
  public synchronized String toJsonl() {
    StringBuilder sb = new StringBuilder();
    lines.forEach(l -> sb.append(l.json()).append('\n'));
    return sb.toString();
  }

  public synchronized long dropped() {
    return dropped;
  }

  public synchronized int size() {
    return lines.size();
  }
}
