package dev.vidsim.checker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups requests into attempt chains: the same call (tenant, method, path, key, body) sent
 * again after a retryable failure (429, 5xx, 409 in flight, no response), within one client
 * call, is one more attempt. Calls on two threads at once keep their own chains.
 */
final class AttemptChains {
  private AttemptChains() {}

  static List<List<Exchange>> of(Evidence e) {
    Calls calls = e.calls();
    List<Exchange> exchanges = e.exchanges();
    List<List<Exchange>> chains = new ArrayList<>();
    Map<String, List<Exchange>> open = new HashMap<>();
    for (Exchange x : exchanges) {
      // status polls repeat by design (Vertex polls with a POST); polling_bounded judges them
      if (x.tenant() == null || "GET".equals(x.method()) || x.isPoll()) continue;
      if (calls.unknown(x)) {
        // sent by one of several calls at once: whose attempt it was is unknown, so the chains
        // it might belong to end here instead of judging another call's timing
        String sig = x.signature() + "#";
        open.keySet().removeIf(k -> k.startsWith(sig));
        continue;
      }
      String key = x.signature() + "#" + calls.of(x.request().seq());
      List<Exchange> chain = open.get(key);
      Exchange last = chain == null ? null : chain.get(chain.size() - 1);
      if (last != null && last.retryableFailure()) {
        chain.add(x);
      } else {
        chain = new ArrayList<>(List.of(x));
        chains.add(chain);
        open.put(key, chain);
      }
    }
    return chains;
  }
}
