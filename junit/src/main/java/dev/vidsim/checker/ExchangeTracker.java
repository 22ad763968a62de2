package dev.vidsim.checker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Exchange#pair} done incrementally for a journal that only grows: a paired exchange never
 * changes again, so it is kept (with everything it parsed lazily) across checks, and only the
 * still-open requests are rebuilt. Pairing is first in, first out, so the paired ones are already
 * in request order and every open one comes after them.
 */
public final class ExchangeTracker {
  private final List<Exchange> paired = new ArrayList<>();
  private final Deque<Open> open = new ArrayDeque<>();
  private final Map<String, ModelPolicy> catalog = new LinkedHashMap<>();

  /** Feeds journal events that follow every event fed before. */
  public void add(List<JournalEvent> events) {
    for (JournalEvent e : events) {
      if (e.is("request")) {
        open.addLast(new Open(e));
      } else if ((e.is("response") || e.is("connection_dropped")) && !open.isEmpty()) {
        Open o = open.removeFirst();
        if (e.is("connection_dropped")) o.inside.add(e);
        Exchange x = new Exchange(o.request, e.is("response") ? e : null, o.inside);
        paired.add(x);
        if (x.isModels() && x.succeeded()) {
          x.responseBody().path("data").forEach(m -> {
            ModelPolicy p = ModelPolicy.fromModelJson(m);
            catalog.putIfAbsent(p.model(), p);
          });
        }
      } else if (!open.isEmpty()) {
        open.peekFirst().inside.add(e);
      }
    }
  }

  /** Every exchange so far, as {@link Exchange#pair} would return it for the whole journal. */
  public List<Exchange> exchanges() {
    List<Exchange> out = new ArrayList<>(paired.size() + open.size());
    out.addAll(paired);
    open.forEach(o -> out.add(new Exchange(o.request, null, o.inside)));
    return out;
  }

  /** Pricing of every model a successful catalog response listed, first listing wins. */
  public Map<String, ModelPolicy> catalogPolicies() {
    return catalog;
  }

  private static final class Open {
    final JournalEvent request;
    final List<JournalEvent> inside = new ArrayList<>();

    Open(JournalEvent request) {
      this.request = request;
    }
  }
}
