package dev.vidsim.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The structured request log: every attempt, in order, bounded (the oldest records are dropped
 * and counted). Listeners see every record, dropped or not. Thread-safe.
 */
public final class RequestLog {
  public static final int RECORDS_MAX_DEFAULT = 10_000;
  private final int recordsMax;
  private final Deque<RequestRecord> records = new ArrayDeque<>();
  private final List<Consumer<RequestRecord>> listeners = new CopyOnWriteArrayList<>();
  private long dropped;

  public RequestLog() {
    this(RECORDS_MAX_DEFAULT);
  }

  public RequestLog(int recordsMax) {
    if (recordsMax < 1) throw new IllegalArgumentException("recordsMax must be >= 1");
    this.recordsMax = recordsMax;
  }

  public void add(RequestRecord r) {
    synchronized (this) {
      if (records.size() == recordsMax) {
        records.removeFirst();
        dropped++;
      }
      records.addLast(r);
    }
    listeners.forEach(l -> l.accept(r));
  }

  public void addListener(Consumer<RequestRecord> listener) {
    listeners.add(listener);
  }

  public synchronized List<RequestRecord> records() {
    return List.copyOf(new ArrayList<>(records));
  }

  public List<RequestRecord> records(String operation) {
    return records().stream().filter(r -> r.operation().equals(operation)).toList();
  }

  public synchronized long dropped() {
    return dropped;
  }
}
