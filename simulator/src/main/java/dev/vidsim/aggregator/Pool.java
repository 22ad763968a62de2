package dev.vidsim.aggregator;

import java.util.List;

/**
 * An aggregator's model: its own id (its own namespace, whatever the catalog calls its models)
 * and the upstreams it routes to, in preference order.
 */
public record Pool(String id, List<Upstream> upstreams) {
  public Pool {
    upstreams = List.copyOf(upstreams);
    if (upstreams.isEmpty()) throw new IllegalArgumentException("pool " + id + " is empty");
  }

  /** The first choice: what the request would cost without an outage. */
  public Upstream preferred() {
    return upstreams.get(0);
  }
}
