package dev.vidsim.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.clock.InstantText;
import java.io.IOException;
import java.io.Writer;
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
  private LineWriter out;
  private JsonGenerator generator;
  private SerializerProvider serializers;

  private record Line(long seq, Instant at, String kind, String json) {}

  /** Sees every line as it is appended: counts that must outlive the journal's rotation. */
  @FunctionalInterface
  public interface Watcher {
    void line(String kind, ObjectNode body);
  }

  private final List<Watcher> watchers = new ArrayList<>();
  /** The request the current thread is answering (its request line's seq), or null. */
  private static final ThreadLocal<Long> ANSWERING = new ThreadLocal<>();

  /**
   * From now on this thread answers the request journaled as {@code requestSeq}: every line it
   * appends (but a request) carries {@code "req": requestSeq}, so a reader pairs a response and
   * what happened inside with its own request even when requests overlap.
   */
  public static void answering(long requestSeq) {
    ANSWERING.set(requestSeq);
  }

  /** The request this thread answers, or null. */
  public static Long answeringNow() {
    return ANSWERING.get();
  }

  /** This thread answers no request any more. */
  public static void answered() {
    ANSWERING.remove();
  }

  public synchronized void watch(Watcher watcher) {
    watchers.add(watcher);
  }

  public Journal(int maxEntries, Duration maxAge, InstantSource clock) {
    if (maxEntries < 1) throw new IllegalArgumentException("maxEntries must be >= 1");
    this.maxEntries = maxEntries;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  /** Request bodies longer than this are journaled cut, with their full length noted. */
  public static final int BODY_CHARS_MAX = 4096;

  /** Keeps the journal's memory bounded by line size as well as by line count. */
  public static String truncate(String body) {
    return body.length() <= BODY_CHARS_MAX ? body
        : body.substring(0, BODY_CHARS_MAX) + "…[" + body.length() + " chars]";
  }

  public static ObjectNode fields() {
    return JSON.createObjectNode();
  }

  /**
   * Appends one line; {@code seq}, {@code t} and {@code kind} lead every line. Returns its seq,
   * so a later line can point back at it (a response at its request).
   */
  public synchronized long append(String kind, ObjectNode body) {
    Instant now = clock.instant();
    Long answering = kind.equals("request") ? null : ANSWERING.get();
    lines.addLast(new Line(++seq, now, kind, render(seq, now, kind, body, answering)));
    evict(now);
    for (Watcher w : watchers) w.line(kind, body);
    return seq;
  }

  /**
   * The line's JSON, written straight from its parts: no tree is built and copied for it, and
   * one generator serves every line (this runs for every request under the simulator's lock).
   */
  private String render(long lineSeq, Instant now, String kind, ObjectNode body, Long req) {
    if (body.has("seq") || body.has("t") || body.has("kind") || body.has("req")) {
      return renderAsTree(lineSeq, now, kind, body, req); // a body field takes a lead's place
    }
    try {
      if (out == null) {
        out = new LineWriter();
        generator = JSON.getFactory().createGenerator(out);
        generator.setRootValueSeparator(null);
        serializers = JSON.getSerializerProviderInstance();
      }
      generator.writeStartObject();
      generator.writeNumberField("seq", lineSeq);
      generator.writeStringField("t", InstantText.of(now));
      generator.writeStringField("kind", kind);
      for (var it = body.fields(); it.hasNext(); ) {
        var field = it.next();
        generator.writeFieldName(field.getKey());
        field.getValue().serialize(generator, serializers);
      }
      if (req != null) generator.writeNumberField("req", req);
      generator.writeEndObject();
      generator.flush();
      return out.take();
    } catch (IOException e) {
      out = null; // a half-written line must not lead the next one
      throw new IllegalStateException("journal line not serialisable", e);
    }
  }

  private static String renderAsTree(long lineSeq, Instant now, String kind, ObjectNode body,
                                     Long req) {
    ObjectNode line = JSON.createObjectNode();
    line.put("seq", lineSeq);
    line.put("t", InstantText.of(now));
    line.put("kind", kind);
    line.setAll(body);
    if (req != null) line.put("req", req);
    try {
      return JSON.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("journal line not serialisable", e);
    }
  }

  /** Collects one line's characters; {@link #take} hands them over and starts the next. */
  private static final class LineWriter extends Writer {
    private final StringBuilder text = new StringBuilder(512);

    @Override
    public void write(char[] chars, int off, int len) {
      text.append(chars, off, len);
    }

    @Override
    public void write(String str, int off, int len) {
      text.append(str, off, off + len);
    }

    String take() {
      String line = text.toString();
      text.setLength(0);
      return line;
    }

    @Override
    public void flush() { }

    @Override
    public void close() { }
  }

  private void evict(Instant now) {
    Instant oldest = now.minus(maxAge);
    while (lines.size() > maxEntries || (!lines.isEmpty() && lines.peekFirst().at()
        .isBefore(oldest))) {
      lines.removeFirst();
      dropped++;
    }
  }

  public synchronized List<String> lines(Predicate<String> kindFilter) {
    return lines(0, kindFilter);
  }

  /** The lines of the wanted kinds with a seq above {@code afterSeq}: a reader's new lines. */
  public synchronized List<String> lines(long afterSeq, Predicate<String> kindFilter) {
    List<String> out = new ArrayList<>();
    for (Line l : lines) {
      if (l.seq() > afterSeq && kindFilter.test(l.kind())) out.add(l.json());
    }
    return out;
  }

  /** The whole retained journal as JSONL, one line per event, newline-terminated. */
  public synchronized String toJsonl() {
    StringBuilder sb = new StringBuilder();
    lines.forEach(l -> sb.append(l.json()).append('\n'));
    return sb.toString();
  }

  /**
   * At most {@code limit} lines with a sequence number above {@code afterSeq}, oldest first, as
   * JSONL: a reader that remembers the last seq it saw can page through a long journal.
   */
  public synchronized String toJsonl(long afterSeq, int limit) {
    StringBuilder sb = new StringBuilder();
    int n = 0;
    for (Line l : lines) {
      if (l.seq() <= afterSeq) continue;
      if (n++ == limit) break;
      sb.append(l.json()).append('\n');
    }
    return sb.toString();
  }

  /** Sequence number of the newest line (0 when nothing was ever journaled). */
  public synchronized long lastSeq() {
    return seq;
  }

  public synchronized long dropped() {
    return dropped;
  }

  public synchronized int size() {
    return lines.size();
  }
}
