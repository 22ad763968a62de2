package dev.vidsim.checker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs journaled requests with their responses, incrementally for a journal that only grows: a
 * paired exchange never changes again, so it is kept (with everything it parsed lazily) across
 * checks, and only the still-open requests are rebuilt. A simulator that tags each line written
 * while answering a request with that request's seq ({@code "req"}) is paired exactly, however
 * requests overlap (two client threads, a held sync create); lines without a tag then belong to
 * no request. A journal without tags (an older simulator) is paired first in, first out, which
 * is exact for one request at a time.
 */
public final class ExchangeTracker {
  private static final Comparator<Exchange> BY_REQUEST =
      Comparator.comparingLong(x -> x.request().seq());
  private final List<Exchange> paired = new ArrayList<>();
  private final Map<Long, Open> open = new LinkedHashMap<>();
  private final Map<String, ModelPolicy> catalog = new LinkedHashMap<>();
  private boolean tagged;
  private boolean sorted = true;

  /** Feeds journal events that follow every event fed before. */
  public void add(List<JournalEvent> events) {
    for (JournalEvent e : events) {
      if (e.is("request")) {
        open.put(e.seq(), new Open(e));
        continue;
      }
      Open o = owner(e);
      if (o == null) continue;
      if (e.is("response") || e.is("connection_dropped")) {
        open.remove(o.request.seq());
        if (e.is("connection_dropped")) o.inside.add(e);
        close(new Exchange(o.request, e.is("response") ? e : null, o.inside));
      } else {
        o.inside.add(e);
      }
    }
  }

  /** The open request a line belongs to, or null. */
  private Open owner(JournalEvent e) {
    if (e.fields().has("req")) {
      tagged = true;
      // null when its request is older than the journal's window
      return open.get(e.fields().path("req").asLong());
    }
    if (tagged || open.isEmpty()) return null;
    return open.values().iterator().next();
  }

  private void close(Exchange x) {
    if (!paired.isEmpty() && BY_REQUEST.compare(paired.get(paired.size() - 1), x) > 0) {
      sorted = false;
    }
    paired.add(x);
    if (x.isModels() && x.succeeded()) {
      x.responseBody().path("data").forEach(m -> {
        ModelPolicy p = ModelPolicy.fromModelJson(m);
        catalog.putIfAbsent(p.model(), p);
      });
    }
  }

  /** Every exchange so far, the open ones without a response, in the order of their requests. */
  public List<Exchange> exchanges() {
    if (!sorted) {
      paired.sort(BY_REQUEST);
      sorted = true;
    }
    List<Exchange> out = new ArrayList<>(paired.size() + open.size());
    out.addAll(paired);
    open.values().forEach(o -> out.add(new Exchange(o.request, null, o.inside)));
    if (!out.isEmpty() && !open.isEmpty()) out.sort(BY_REQUEST);
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
